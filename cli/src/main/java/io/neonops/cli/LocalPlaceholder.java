package io.neonops.cli;

import picocli.CommandLine.Command;

@Command(name = "local", mixinStandardHelpOptions = true, description = "Local mode.")
final class LocalPlaceholder implements Runnable {
    @Override
    public void run() {
    }
}

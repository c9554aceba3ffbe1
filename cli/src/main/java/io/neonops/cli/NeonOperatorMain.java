package io.neonops.cli;

import picocli.CommandLine;

/** Entry point of the shaded jar that {@code bin/neon-operator} runs. */
public final class NeonOperatorMain {

    private NeonOperatorMain() {
    }

    public static void main(String[] args) {
        System.exit(NeonOperatorCommand.commandLine().execute(args));
    }
}

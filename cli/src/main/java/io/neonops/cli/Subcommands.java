package io.neonops.cli;

import picocli.CommandLine;

/** Hangs each module's commands under {@code neon-operator}. */
final class Subcommands {

    private Subcommands() {
    }

    static void register(CommandLine root) {
    }
}

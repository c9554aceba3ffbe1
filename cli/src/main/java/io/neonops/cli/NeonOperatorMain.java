package io.neonops.cli;

import io.neonops.controlplane.timing.PhaseTimings;

/** Entry point of the shaded jar that {@code bin/neon-operator} runs. */
public final class NeonOperatorMain {

    private NeonOperatorMain() {
    }

    public static void main(String[] args) {
        PhaseTimings.mark("jvm started, main entered");
        var commandLine = NeonOperatorCommand.commandLine(args);
        PhaseTimings.mark("command tree built");
        int exitCode = commandLine.execute(args);
        PhaseTimings.mark("command done");
        System.exit(exitCode);
    }
}

package io.neonops.controlplane.local;

import java.time.Duration;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code local}: runs a NeonCluster as local processes, as Neon's neon_local does. */
@Command(name = "local",
        mixinStandardHelpOptions = true,
        description = "Runs a NeonCluster as local processes: etcd from PATH, pageserver and safekeepers from a directory you name.",
        subcommands = {LocalStartCommand.class, LocalStatusCommand.class, LocalStopCommand.class})
public final class LocalCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** A {@code --timeout SECONDS} value of a subcommand, refused unless positive. */
    static Duration positiveSeconds(CommandSpec command, String option, int seconds) {
        if (seconds < 1) {
            throw new CommandLine.ParameterException(command.commandLine(), option + " must be at least 1 second, got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}

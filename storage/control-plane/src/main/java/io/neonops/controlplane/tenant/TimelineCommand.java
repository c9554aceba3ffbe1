package io.neonops.controlplane.tenant;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code timeline list|create}: the timelines of one tenant. */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = "List and create the timelines of a tenant.",
        subcommands = {TimelineListCommand.class, TimelineCreateCommand.class})
public final class TimelineCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: list or create");
    }
}

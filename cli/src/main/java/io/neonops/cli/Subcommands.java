package io.neonops.cli;

import io.neonops.controlplane.local.LocalCommand;
import io.neonops.controlplane.tenant.TenantCommand;
import io.neonops.controlplane.tenant.TimelineCommand;
import io.neonops.operator.cli.RenderCommand;
import io.neonops.operator.cli.RunCommand;
import picocli.CommandLine;

/** Hangs each module's commands under {@code neon-operator}. */
final class Subcommands {

    private Subcommands() {
    }

    static void register(CommandLine root) {
        root.addSubcommand(new RunCommand());
        root.addSubcommand(new RenderCommand());
        CommandLine local = new CommandLine(new LocalCommand());
        local.addSubcommand(new TenantCommand());
        local.addSubcommand(new TimelineCommand());
        root.addSubcommand(local);
    }
}

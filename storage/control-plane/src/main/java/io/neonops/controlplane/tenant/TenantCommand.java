package io.neonops.controlplane.tenant;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tenant list|create}: the tenants of a pageserver. */
@Command(name = "tenant", mixinStandardHelpOptions = true,
        description = "List and create the tenants of a pageserver.",
        subcommands = {TenantListCommand.class, TenantCreateCommand.class})
public final class TenantCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: list or create");
    }
}

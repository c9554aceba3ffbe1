package io.neonops.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.neonops.controlplane.local.LocalCommand;
import io.neonops.controlplane.tenant.TenantCommand;
import io.neonops.controlplane.tenant.TimelineCommand;
import io.neonops.operator.cli.RenderCommand;
import io.neonops.operator.cli.RunCommand;
import picocli.CommandLine;

/** Hangs each module's commands under {@code neon-operator}. */
final class Subcommands {

    /**
     * Each subcommand by name, built only when registered: building {@code run} alone loads logback and the
     * Kubernetes client, which the local commands never use.
     */
    private static final Map<String, Supplier<Object>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("run", RunCommand::new);
        BY_NAME.put("render", RenderCommand::new);
        BY_NAME.put("local", Subcommands::local);
    }

    private Subcommands() {
    }

    /** Every subcommand, as the top-level help lists them. */
    static void register(CommandLine root) {
        BY_NAME.values().forEach(command -> root.addSubcommand(command.get()));
    }

    /**
     * Only the subcommand that {@code args} name, when they start with one (the top-level command has no options
     * that take a value, so the first argument is the subcommand); every subcommand otherwise, for help and for
     * the message on an unknown one.
     */
    static void register(CommandLine root, String[] args) {
        Supplier<Object> named = args.length == 0 ? null : BY_NAME.get(args[0]);
        if (named == null) {
            register(root);
        } else {
            root.addSubcommand(named.get());
        }
    }

    private static CommandLine local() {
        CommandLine local = new CommandLine(new LocalCommand());
        local.addSubcommand(new TenantCommand());
        local.addSubcommand(new TimelineCommand());
        return local;
    }
}

package io.neonops.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.neonops.controlplane.local.LocalCommand;
import io.neonops.controlplane.posix.Posix;
import io.neonops.controlplane.tenant.TenantCommand;
import io.neonops.controlplane.tenant.TimelineCommand;
import io.neonops.operator.cli.RenderCommand;
import io.neonops.operator.cli.RunCommand;
import picocli.CommandLine;

/**
 * Hangs each module's commands under {@code neon-operator}, building only the branch that the arguments name:
 * picocli builds a command's whole model up front, and {@code run} alone loads logback and the Kubernetes client,
 * which the local commands never use.
 */
final class Subcommands {

    /** Each subcommand by name, built from the arguments that follow the parent's name. */
    private static final Map<String, Function<String[], Object>> TOP = new LinkedHashMap<>();
    private static final Map<String, Function<String[], Object>> UNDER_LOCAL = new LinkedHashMap<>();

    static {
        TOP.put("run", rest -> new RunCommand());
        TOP.put("render", rest -> new RenderCommand());
        TOP.put("local", Subcommands::local);
        UNDER_LOCAL.put("tenant", rest -> new TenantCommand());
        UNDER_LOCAL.put("timeline", rest -> new TimelineCommand());
    }

    private Subcommands() {
    }

    /**
     * The subcommands of {@code root} that {@code args} need: only the one they start with, when they start with
     * one (the top-level command has no options that take a value, so the first argument is the subcommand); all
     * otherwise, for help and for the message on an unknown one.
     */
    static void register(CommandLine root, String[] args) {
        register(root, TOP, args);
    }

    private static void register(CommandLine parent, Map<String, Function<String[], Object>> children, String[] args) {
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        Function<String[], Object> named = args.length == 0 ? null : children.get(args[0]);
        if (named != null) {
            parent.addSubcommand(named.apply(rest));
        } else {
            children.values().forEach(child -> parent.addSubcommand(child.apply(new String[0])));
        }
    }

    /** {@code local}, whose start, status and stop are always there; tenant and timeline only when needed. */
    private static CommandLine local(String[] args) {
        Posix.bindInBackground();
        CommandLine local = new CommandLine(new LocalCommand());
        if (args.length == 0 || !local.getSubcommands().containsKey(args[0])) {
            register(local, UNDER_LOCAL, args);
        }
        return local;
    }
}

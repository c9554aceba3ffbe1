package io.neonops.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code neon-operator} command: it only groups the subcommands of the modules. */
@Command(name = "neon-operator",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs Neon's storage layer (pageservers, safekeepers, etcd) on Kubernetes or as local processes.")
public final class NeonOperatorCommand implements Runnable {

    /** Exit code of a command that failed for a reason it could state in one line. */
    public static final int EXIT_FAILURE = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** The full command tree, with one error handler that prints failures as one line. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /** The command tree that {@code args} need: only the subcommands they name, so that the others cost nothing. */
    public static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new NeonOperatorCommand());
        Subcommands.register(cli, args);
        cli.setExecutionExceptionHandler(NeonOperatorCommand::handleFailure);
        return cli;
    }

    private static int handleFailure(Exception failure, CommandLine command, CommandLine.ParseResult parseResult) {
        PrintWriter err = command.getErr();
        err.println("neon-operator: " + oneLine(failure));
        if (Boolean.getBoolean("neon-operator.debug")) {
            failure.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILURE;
    }

    /** The failure's message on one line; a failure without a message shows its type instead. */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName() + (failure.getCause() == null ? "" : ": " + oneLine(failure.getCause()));
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}

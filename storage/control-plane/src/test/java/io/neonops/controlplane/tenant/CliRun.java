package io.neonops.controlplane.tenant;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs a command as the top-level launcher does: a failure prints {@code neon-operator: <message>}
 * on stderr and exits 1; bad arguments print picocli's message and usage and exit 2.
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Class<?> command, CliEnvironment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command, new CliEnvironmentFactory(environment));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("neon-operator: " + e.getMessage());
            return 1;
        });
        int exitCode = cli.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}

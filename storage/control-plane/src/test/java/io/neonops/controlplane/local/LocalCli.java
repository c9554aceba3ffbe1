package io.neonops.controlplane.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import picocli.CommandLine;

import io.neonops.controlplane.testsupport.JavaCommand;

/**
 * Runs {@code local} commands as the top-level {@code neon-operator} launcher does (failures as one line, exit
 * code 1): in this JVM, or in a JVM of its own so that "the command has exited" is real.
 */
final class LocalCli {
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration OUTPUT_END_TIMEOUT = Duration.ofSeconds(30);
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread reader = new Thread(runnable, "local-cli-output");
        reader.setDaemon(true);
        return reader;
    });

    /** What a command printed and how it exited. */
    record Outcome(int exitCode, String out, String err) {
    }

    private LocalCli() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Outcome(exitCode, out.toString(), err.toString());
    }

    /** Runs the command in a new JVM and waits for that JVM to exit. */
    static Outcome runInOwnJvm(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Process jvm = startInOwnJvm(environment, args);
        return awaitExit(jvm);
    }

    /** In a JVM that handles SIGINT and SIGTERM as the neon-operator command's does (no -Xrs). */
    static Process startInOwnJvm(Map<String, String> environment, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(JavaCommand.handlingSignals(LocalCli.class, List.of(args)));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * Waits for the JVM to exit and for its output to end. The output ends with the JVM only because the daemons it
     * started did not inherit its stdout or stderr; a daemon that did would keep the pipe open.
     */
    static Outcome awaitExit(Process jvm) throws InterruptedException {
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(jvm.getInputStream()), READERS);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(jvm.getErrorStream()), READERS);
        if (!jvm.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            jvm.destroyForcibly();
            throw new IllegalStateException("local command did not exit within " + COMMAND_TIMEOUT);
        }
        try {
            return new Outcome(jvm.exitValue(), out.get(OUTPUT_END_TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                    err.get(OUTPUT_END_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the output of the exited command did not end: a daemon holds its pipe", e);
        }
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new LocalCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((failure, command, parseResult) -> {
            command.getErr().println("local: " + failure.getMessage());
            return 1;
        });
        return cli;
    }
}

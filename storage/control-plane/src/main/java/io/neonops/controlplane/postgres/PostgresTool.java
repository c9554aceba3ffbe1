package io.neonops.controlplane.postgres;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one of Postgres's short-lived programs ({@code initdb}, {@code psql}) to its end. Unlike the daemon these
 * need no inherited descriptor, so {@link ProcessBuilder} is enough; their output is kept for messages.
 */
final class PostgresTool {
    // initdb's and psql's chatter is a few kilobytes; a runaway program cannot fill the heap
    private static final int MAX_OUTPUT = 64 * 1024;
    private static final int TAIL_LINES = 20;

    private PostgresTool() {
    }

    /** Stdout and stderr together. */
    static String run(String what, List<String> command, Path workingDirectory, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readBounded(process.getInputStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IOException(what + " did not finish within " + timeout.toSeconds() + "s and was killed: "
                        + String.join(" ", command));
            }
            String text = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (process.exitValue() != 0) {
                throw new IOException(what + " failed (exit " + process.exitValue() + "): " + String.join(" ", command)
                        + "; its output ends:\n" + tail(text));
            }
            return text;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + what);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot read the output of " + what + ": " + e.getMessage(), e);
        }
    }

    private static String readBounded(InputStream in) {
        try (in) {
            byte[] kept = in.readNBytes(MAX_OUTPUT);
            in.transferTo(OutputStream.nullOutputStream());
            return new String(kept, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static String tail(String text) {
        List<String> lines = Arrays.asList(text.strip().split("\n"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}

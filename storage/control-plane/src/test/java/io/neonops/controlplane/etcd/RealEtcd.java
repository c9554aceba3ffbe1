package io.neonops.controlplane.etcd;

import io.neonops.controlplane.component.ComponentSpec;
import io.neonops.controlplane.component.LocalEnvironment;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A real etcd (Debian's, from PATH) run with exactly the command line of a {@link ComponentSpec}, for tests.
 * {@link #close()} stops it and waits until it has exited, so no test leaves a daemon behind.
 */
final class RealEtcd implements AutoCloseable {

    /** Generous: the machine is shared and etcd elects a leader before it reports healthy. */
    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int LOG_TAIL_LINES = 15;

    private final ComponentSpec member;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RealEtcd(ComponentSpec member, Process process, Path log) {
        this.member = member;
        this.process = process;
        this.log = log;
    }

    /** Starts the member's command, logging to {@code <member>.log} in {@code logDir}. */
    static RealEtcd start(ComponentSpec member, Path logDir) throws IOException {
        Path log = logDir.resolve(member.memberName() + ".log");
        Process process = new ProcessBuilder(member.command())
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new RealEtcd(member, process, log);
    }

    String clientUrl() {
        return "http://" + LocalEnvironment.LOCALHOST + ":" + member.port("client").port();
    }

    /** Waits until the member reports {@code {"health":"true"}}: it has joined a cluster that has a leader. */
    RealEtcd awaitHealthy() {
        await(member.memberName() + " healthy at " + member.readinessUrl(LocalEnvironment.LOCALHOST),
                () -> healthy() ? Optional.of(Boolean.TRUE) : Optional.empty());
        return this;
    }

    /** The first value {@code probe} finds, polled until the deadline; fails with the log's tail otherwise. */
    <T> T await(String what, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError(member.memberName() + " exited with " + process.exitValue()
                        + " while waiting for " + what + "; log tail:\n" + logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up after " + DEADLINE.toSeconds() + "s waiting for " + what
                        + "; log tail:\n" + logTail());
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    private boolean healthy() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(member.readinessUrl(LocalEnvironment.LOCALHOST)))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"health\":\"true\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops every member, each as {@link #close()} does. */
    static void stopAll(List<RealEtcd> members) throws InterruptedException {
        members.forEach(m -> m.process.destroyForcibly());
        for (RealEtcd member : members) {
            member.close();
        }
    }

    /**
     * SIGKILL, and returns once the process is gone. A test cluster's data is thrown away, and SIGTERM would make a
     * leader try to hand over leadership to members that are stopping too, which takes seconds.
     */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}

package io.neonops.controlplane.testsupport;

import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.spec.InvalidKeySpecException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import io.neonops.controller.api.testing.FakeStorageController;
import io.neonops.storage.common.auth.Ed25519Keys;
import io.neonops.storage.common.auth.JwtClaims;
import io.neonops.storage.common.auth.JwtRejectedException;
import io.neonops.storage.common.auth.JwtScope;
import io.neonops.storage.common.auth.JwtVerifier;
import io.neonops.controlplane.postgres.PostgresPing;
import io.neonops.controlplane.timing.Deadline;

/**
 * {@code storage_controller} as a process, for local-mode tests (no Neon binaries on these machines): the in-memory
 * {@link FakeStorageController} behind the real binary's command line ({@code modern-topology.md} §4.1). Like the
 * real one it needs {@code --database-url} (or {@code DATABASE_URL}) and a listen address, refuses strict mode
 * without its secrets (and without a hook to call), checks JWTs when given a public key, and exits 1 when its database does not accept a connection (as its user, to its database)
 * within {@code --db-connect-timeout}: started before its Postgres, or before the database was created, it fails as
 * the real one does. It claims no pid file (neither does the real one: local mode claims it). Run with -Xrs, SIGTERM
 * ends it.
 */
public final class FakeStorageControllerDaemon {
    private static final RustCliFlags.Declaration FLAGS = RustCliFlags.Declaration.of(
            List.of("--listen", "--listen-https", "--ssl-key-file", "--ssl-cert-file", "--ssl-cert-reload-period",
                    "--ssl-ca-file", "--database-url", "--db-connect-timeout", "--public-key", "--jwt-token",
                    "--safekeeper-jwt-token", "--control-plane-jwt-token", "--peer-jwt-token", "--control-plane-url",
                    "--neon-local-repo-dir", "--address-for-peers", "--max-offline-interval", "--max-warming-up-interval",
                    "--heartbeat-interval", "--reconciler-concurrency", "--priority-reconciler-concurrency",
                    "--safekeeper-reconciler-concurrency", "--tenant-rate-limit", "--split-threshold", "--max-split-shards",
                    "--initial-split-threshold", "--initial-split-shards", "--max-secondary-lag-bytes",
                    "--long-reconcile-threshold", "--timeline-safekeeper-count", "--kick-secondary-downloads",
                    "--shard-split-request-timeout", "--chaos-interval", "--chaos-exit-crontab"),
            List.of("--dev", "--use-local-compute-notifications", "--start-as-candidate", "--use-https-pageserver-api",
                    "--use-https-safekeeper-api", "--timelines-onto-safekeepers", "--handle-ps-local-disk-loss"),
            Map.of("-l", "--listen"));
    private static final Duration DEFAULT_DB_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration RETRY_INTERVAL = Duration.ofMillis(100);

    private FakeStorageControllerDaemon() {
    }

    public static void main(String[] args) throws Exception {
        RustCliFlags flags = FLAGS.parseOrExit(args);
        System.out.println("fake storage_controller pid " + ProcessHandle.current().pid() + ": " + String.join(" ", args));
        URI databaseUrl = URI.create(flags.valueOrEnv("--database-url", "DATABASE_URL").orElseThrow(() -> RustCliFlags.exitWithError(
                "error: the following required arguments were not provided: --database-url <DATABASE_URL>")));
        String listen = flags.value("--listen").orElseThrow(() -> RustCliFlags.exitWithError(flags.value("--listen-https").isPresent()
                ? "fake storage_controller: only --listen (plain HTTP) is faked"
                : "error: the following required arguments were not provided: <--listen <LISTEN>|--listen-https <LISTEN_HTTPS>>"));
        if (!flags.has("--dev") && (flags.valueOrEnv("--public-key", "PUBLIC_KEY").isEmpty()
                || flags.valueOrEnv("--jwt-token", "PAGESERVER_JWT_TOKEN").isEmpty()
                || flags.valueOrEnv("--control-plane-jwt-token", "CONTROL_PLANE_JWT_TOKEN").isEmpty()
                || flags.valueOrEnv("--safekeeper-jwt-token", "SAFEKEEPER_JWT_TOKEN").isEmpty())) {
            throw RustCliFlags.exitWithError("Insecure config! One or more secrets is not set. This is only permitted in `--dev` mode");
        }
        if (!flags.has("--dev") && (flags.value("--control-plane-url").isEmpty() || flags.has("--use-local-compute-notifications"))) {
            throw RustCliFlags.exitWithError("strict mode needs --control-plane-url and refuses --use-local-compute-notifications;"
                    + " this is only permitted in `--dev` mode");
        }
        Optional<JwtVerifier> auth = authentication(flags);
        awaitDatabase(databaseUrl, flags.value("--db-connect-timeout").map(HumanDuration::parse).orElse(DEFAULT_DB_CONNECT_TIMEOUT));
        InetSocketAddress address = TestDaemonOptions.address(listen);
        FakeStorageController controller = FakeStorageController.start(address);
        auth.ifPresent(verifier -> controller.requireTokens((path, token) -> accepts(verifier, path, token)));
        System.out.println("serving " + controller.baseUri() + " (database " + databaseUrl.getHost() + ":" + databaseUrl.getPort() + ")");
        new CountDownLatch(1).await();
    }

    /**
     * With a public key, incoming requests are checked with it, and the tokens it was given to present are checked too:
     * signed by the same pair and of the scopes their callees accept, so that a wrong one fails the start loudly
     * rather than the first call to a pageserver or safekeeper, which this fake never makes.
     */
    private static Optional<JwtVerifier> authentication(RustCliFlags flags) {
        Optional<String> publicKey = flags.valueOrEnv("--public-key", "PUBLIC_KEY");
        if (publicKey.isEmpty()) {
            return Optional.empty();
        }
        JwtVerifier verifier;
        try {
            verifier = new JwtVerifier(Ed25519Keys.readPublicKey(publicKey.get()));
        } catch (InvalidKeySpecException e) {
            throw RustCliFlags.exitWithError("error: the public key is no Ed25519 PEM: " + e.getMessage());
        }
        checkOutgoing(verifier, flags.valueOrEnv("--jwt-token", "PAGESERVER_JWT_TOKEN"), "PAGESERVER_JWT_TOKEN", JwtScope.PAGESERVER_API);
        checkOutgoing(verifier, flags.valueOrEnv("--safekeeper-jwt-token", "SAFEKEEPER_JWT_TOKEN"), "SAFEKEEPER_JWT_TOKEN",
                JwtScope.SAFEKEEPER_DATA);
        return Optional.of(verifier);
    }

    private static void checkOutgoing(JwtVerifier verifier, Optional<String> token, String name, JwtScope scope) {
        if (token.isEmpty()) {
            return;
        }
        try {
            JwtClaims claims = verifier.verify(token.get());
            if (claims.scope() != scope) {
                throw RustCliFlags.exitWithError("fake storage_controller: " + name + " has scope " + claims.scope().claim()
                        + ", its callee accepts " + scope.claim());
            }
        } catch (JwtRejectedException e) {
            throw RustCliFlags.exitWithError("fake storage_controller: " + name + " would be refused: " + e.getMessage());
        }
    }

    /**
     * The storage controller's scope rules ({@code modern-topology.md} §8): {@code admin} passes everything; upcalls take
     * {@code generations_api}, node and safekeeper registration {@code infra}, the tenant API {@code pageserverapi}.
     */
    static boolean accepts(JwtVerifier verifier, String path, String token) {
        JwtScope scope;
        try {
            scope = verifier.verify(token).scope();
        } catch (JwtRejectedException e) {
            System.out.println("refused a token for " + path + ": " + e.getMessage());
            return false;
        }
        boolean accepted = scope == JwtScope.ADMIN
                || (path.startsWith("/upcall/") && scope == JwtScope.GENERATIONS_API)
                || ((path.startsWith("/control/v1/node") || path.startsWith("/control/v1/safekeeper")) && scope == JwtScope.INFRA)
                || (path.startsWith("/v1/") && scope == JwtScope.PAGESERVER_API);
        if (!accepted) {
            System.out.println("refused scope " + scope.claim() + " for " + path);
        }
        return accepted;
    }

    /** The real one retries its first connection for the timeout, then exits with an error. */
    private static void awaitDatabase(URI databaseUrl, Duration timeout) throws InterruptedIOException {
        Deadline deadline = Deadline.after(timeout);
        PostgresPing.Result result = PostgresPing.ping(databaseUrl, PING_TIMEOUT);
        while (!(result instanceof PostgresPing.Result.Accepting)) {
            if (deadline.expired()) {
                throw RustCliFlags.exitWithError("error: could not connect to the database " + databaseUrl.getHost() + ":" + databaseUrl.getPort()
                        + " within " + timeout.toMillis() + " ms: " + result.describe());
            }
            deadline.pause(RETRY_INTERVAL);
            result = PostgresPing.ping(databaseUrl, PING_TIMEOUT);
        }
    }

}

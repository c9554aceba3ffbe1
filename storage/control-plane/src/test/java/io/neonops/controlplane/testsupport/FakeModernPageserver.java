package io.neonops.controlplane.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.spec.InvalidKeySpecException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import io.neonops.storage.common.auth.Ed25519Keys;
import io.neonops.storage.common.auth.JwtRejectedException;
import io.neonops.storage.common.auth.JwtScope;
import io.neonops.storage.common.auth.JwtVerifier;

import io.neonops.controller.api.testing.FakePageserverUpcalls;
import io.neonops.controller.api.testing.ReAttachResponse;
import io.neonops.controlplane.pidfile.PidFile;
import io.neonops.controlplane.pidfile.PidFileGuard;
import io.neonops.controlplane.pidfile.PidFileLockedException;

/**
 * A modern pageserver as a process ({@code modern-topology.md} §5), for local-mode tests: {@code pageserver -D DIR}
 * reads {@code identity.toml} (its node id), {@code pageserver.toml} ({@code control_plane_api}, mandatory, as is
 * {@code remote_storage}; {@code listen_http_addr}, {@code listen_pg_addr}, {@code availability_zone}) and
 * {@code metadata.json} from DIR, claims {@code DIR/pageserver.pid}, binds its ports, then sends the re-attach
 * upcall (registering itself from {@code metadata.json}, presenting {@code control_plane_api_token} when set) and retries it until the storage controller answers. Only
 * then does it answer {@code GET /v1/status}: until then connections are accepted by the kernel but never answered,
 * as the real one's are. Run with -Xrs, SIGTERM ends it.
 */
public final class FakeModernPageserver {
    private static final RustCliFlags.Declaration FLAGS = RustCliFlags.Declaration.of(List.of("--workdir"),
            List.of("--enabled-features"), Map.of("-D", "--workdir"));
    private static final Pattern IDENTITY = Pattern.compile("(?m)^\\s*id\\s*=\\s*(\\d+)\\s*$");
    private static final Duration FIRST_RETRY = Duration.ofMillis(50);
    private static final Duration MAX_RETRY = Duration.ofSeconds(1);

    private FakeModernPageserver() {
    }

    public static void main(String[] args) throws Exception {
        RustCliFlags flags = FLAGS.parseOrExit(args);
        Path workdir = Path.of(flags.value("--workdir").orElse(".neon")).toAbsolutePath();
        System.out.println("fake pageserver pid " + ProcessHandle.current().pid() + ": " + String.join(" ", args));
        long nodeId = nodeId(workdir);
        TopLevelToml config = TopLevelToml.parse(read(workdir.resolve("pageserver.toml"), "Pageserver could not read its config file"));
        URI controlPlaneApi = URI.create(config.get("control_plane_api").orElseThrow(() -> RustCliFlags.exitWithError("`control_plane_api` must be set")));
        if (config.get("remote_storage").isEmpty()) {
            throw RustCliFlags.exitWithError("no remote storage configured, this is a deprecated configuration");
        }
        checkAuth(workdir, config);
        PidFileGuard claim = claimOrExit(workdir.resolve("pageserver.pid"));
        ServerSocket pg = new ServerSocket();
        pg.bind(TestDaemonOptions.address(config.get("listen_pg_addr").orElse("127.0.0.1:64000")));
        InetSocketAddress http = TestDaemonOptions.address(config.get("listen_http_addr").orElse("127.0.0.1:9898"));
        HttpServer server = HttpServer.create(http, 16);

        ReAttachResponse attached = reAttach(new FakePageserverUpcalls(controlPlaneApi, config.get("control_plane_api_token")),
                workdir, config.get("availability_zone"));
        System.out.println("re-attached as node " + nodeId + " with " + attached.tenants().size() + " tenant shards");

        server.createContext("/v1/status", exchange -> {
            byte[] body = ("{\"id\":" + nodeId + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("serving http://" + http.getHostString() + ":" + http.getPort() + "/v1/status, pg port "
                + pg.getLocalPort() + ", holding " + claim.path());
        new CountDownLatch(1).await();
    }

    /** Retries forever, with a growing pause, as the real one does while its storage controller is down or refuses. */
    private static ReAttachResponse reAttach(FakePageserverUpcalls upcalls, Path workdir, Optional<String> fallbackZone)
            throws InterruptedException {
        Duration pause = FIRST_RETRY;
        while (true) {
            try {
                return upcalls.startFrom(workdir, fallbackZone);
            } catch (RuntimeException e) {
                System.out.println("re-attach failed, retrying in " + pause.toMillis() + " ms: " + e.getMessage());
            }
            Thread.sleep(pause.toMillis());
            pause = pause.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : pause.multipliedBy(2);
        }
    }

    /**
     * With {@code NeonJWT} on either API the real one loads its validation key at start and exits when it cannot; its
     * {@code NEON_AUTH_TOKEN}, which it presents to the safekeepers, is checked here against the same key (one pair
     * signs every token of a cluster) and for the scope the safekeepers accept.
     */
    private static void checkAuth(Path workdir, TopLevelToml config) {
        boolean jwt = config.get("http_auth_type").filter("NeonJWT"::equals).isPresent()
                || config.get("pg_auth_type").filter("NeonJWT"::equals).isPresent();
        if (!jwt) {
            return;
        }
        Path keyFile = config.get("auth_validation_public_key_path").map(Path::of).orElse(workdir.resolve("auth_public_key.pem"));
        JwtVerifier verifier;
        try {
            verifier = new JwtVerifier(Ed25519Keys.readPublicKey(read(keyFile, "Failed to load JWT auth public key")));
        } catch (InvalidKeySpecException e) {
            throw RustCliFlags.exitWithError("Failed to load JWT auth public key " + keyFile + ": " + e.getMessage());
        }
        String safekeeperToken = Optional.ofNullable(System.getenv("NEON_AUTH_TOKEN"))
                .orElseThrow(() -> RustCliFlags.exitWithError("fake pageserver: NEON_AUTH_TOKEN is not set, the safekeepers"
                        + " would refuse it"));
        try {
            JwtScope scope = verifier.verify(safekeeperToken).scope();
            if (scope != JwtScope.SAFEKEEPER_DATA) {
                throw RustCliFlags.exitWithError("fake pageserver: NEON_AUTH_TOKEN has scope " + scope.claim()
                        + ", the safekeepers accept safekeeperdata");
            }
        } catch (JwtRejectedException e) {
            throw RustCliFlags.exitWithError("fake pageserver: NEON_AUTH_TOKEN would be refused: " + e.getMessage());
        }
        System.out.println("NeonJWT auth with the key " + keyFile);
    }

    private static long nodeId(Path workdir) {
        Matcher identity = IDENTITY.matcher(read(workdir.resolve("identity.toml"), "Pageserver could not read identity file"));
        if (!identity.find()) {
            throw RustCliFlags.exitWithError("Pageserver could not read identity file: no id=<node id> in " + workdir.resolve("identity.toml"));
        }
        return Long.parseLong(identity.group(1));
    }

    private static String read(Path file, String failure) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw RustCliFlags.exitWithError(failure + " " + file + ": " + e);
        }
    }

    private static PidFileGuard claimOrExit(Path pidFile) throws IOException {
        try {
            return PidFile.claim(pidFile);
        } catch (PidFileLockedException e) {
            throw RustCliFlags.exitWithError("could not lock pid file: " + e.getMessage());
        }
    }

}

package io.neonops.controlplane.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.spec.InvalidKeySpecException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;

import io.neonops.storage.common.auth.Ed25519Keys;

import io.neonops.controlplane.pidfile.PidFile;
import io.neonops.controlplane.pidfile.PidFileGuard;
import io.neonops.controlplane.pidfile.PidFileLockedException;

/**
 * A stand-in for a Neon daemon (there are no Neon binaries on these machines): like pageserver and safekeeper it
 * claims its pid file first, then serves {@code GET /v1/status}. Started with -Xrs, SIGTERM and SIGQUIT end it.
 *
 * <pre>
 * --pid-file PATH          the pid file to claim (default with --kind K and -D DIR: DIR/K.pid)
 * --listen-http HOST:PORT  where to serve /v1/status (or pageserver's -c listen_http_addr='HOST:PORT')
 * --listen-pg HOST:PORT    a port to hold (or -c listen_pg_addr='HOST:PORT')
 * --no-claim               serve without claiming (the launcher holds the pid file)
 * --exit-at-once           print a line and exit 3 before doing anything
 * --never-ready            print a line and wait, never claiming nor serving (killed by whoever started it)
 * --pg-auth-public-key-path, --http-auth-public-key-path KEY  Ed25519 public keys to load (exits 1 if one cannot be)
 * </pre>
 * As a pageserver ({@code --kind pageserver -D DIR}) it exits 2 unless DIR/pageserver.toml exists.
 */
public final class TestDaemon {

    private TestDaemon() {
    }

    public static void main(String[] args) throws Exception {
        TestDaemonOptions options = TestDaemonOptions.parse(args);
        System.out.println("test daemon pid " + ProcessHandle.current().pid() + " starting: " + String.join(" ", args));
        if (options.exitAtOnce()) {
            System.out.println("exiting at once as asked");
            System.exit(3);
        }
        if (options.neverReady()) {
            System.out.println("never getting ready, as asked");
            new CountDownLatch(1).await();
        }
        requireConfigFile(options);
        loadAuthKeys(options);
        PidFileGuard claim = options.claim() ? claimOrExit(options.pidFile()) : null;
        ServerSocket pg = options.listenPg().isPresent() ? bindOrExit(options.listenPg().get()) : null;
        HttpServer server = listenOrExit(options.listenHttp());
        server.createContext("/v1/status", exchange -> {
            byte[] body = ("{\"id\":" + ProcessHandle.current().pid() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("serving http://" + describe(options.listenHttp()) + "/v1/status"
                + (pg != null ? ", pg port " + pg.getLocalPort() : "") + (claim != null ? ", holding " + claim.path() : ""));
        // runs until a signal ends the JVM
        new CountDownLatch(1).await();
    }

    private static PidFileGuard claimOrExit(Path pidFile) throws IOException {
        try {
            return PidFile.claim(pidFile);
        } catch (PidFileLockedException e) {
            System.out.println("cannot claim pid file: " + e.getMessage());
            System.exit(1);
            throw e;
        }
    }

    /** A pageserver reads pageserver.toml from its data directory: local mode must have written it. */
    private static void requireConfigFile(TestDaemonOptions options) {
        if (options.kind().equals(Optional.of("pageserver")) && options.dataDir().isPresent()) {
            Path config = options.dataDir().get().resolve("pageserver.toml");
            if (!Files.isRegularFile(config)) {
                System.out.println("missing config file " + config);
                System.exit(2);
            }
        }
    }

    /** A safekeeper loads its JWT validation keys at start, and exits when one is no Ed25519 public key. */
    private static void loadAuthKeys(TestDaemonOptions options) throws IOException {
        for (Path key : options.authPublicKeys()) {
            try {
                Ed25519Keys.readPublicKey(Files.readString(key));
            } catch (IOException | InvalidKeySpecException e) {
                System.out.println("failed to load the JWT public key " + key + ": " + e.getMessage());
                System.exit(1);
            }
        }
    }

    private static HttpServer listenOrExit(InetSocketAddress address) throws IOException {
        try {
            return HttpServer.create(address, 16);
        } catch (BindException e) {
            throw cannotListen(address, e);
        }
    }

    /** The pg port is only held, as the real daemon's would be; nothing speaks the protocol on it. */
    private static ServerSocket bindOrExit(InetSocketAddress address) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(address);
            return socket;
        } catch (BindException e) {
            socket.close();
            throw cannotListen(address, e);
        }
    }

    private static BindException cannotListen(InetSocketAddress address, BindException e) {
        System.out.println("cannot listen on " + describe(address) + ": " + e.getMessage());
        System.exit(1);
        return e;
    }

    private static String describe(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}

package io.neonops.controlplane.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;

import io.neonops.controlplane.pidfile.PidFile;
import io.neonops.controlplane.pidfile.PidFileGuard;
import io.neonops.controlplane.pidfile.PidFileLockedException;

/**
 * A stand-in for a Neon daemon (there are no Neon binaries on these machines): like pageserver and safekeeper it
 * claims its pid file first, then serves {@code GET /v1/status}. Started with -Xrs, SIGTERM and SIGQUIT end it.
 *
 * <pre>
 * --pid-file PATH          the pid file to claim
 * --listen-http HOST:PORT  where to serve /v1/status
 * --no-claim               serve without claiming (the launcher holds the pid file, or the test wants a timeout)
 * --exit-at-once           print a line and exit 3 before doing anything
 * </pre>
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
        PidFileGuard claim = options.claim() ? claimOrExit(options.pidFile()) : null;
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
        System.out.println("serving http://" + options.listenHttp().getHostString() + ":" + options.listenHttp().getPort()
                + "/v1/status" + (claim != null ? ", holding " + claim.path() : ""));
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

    private static HttpServer listenOrExit(InetSocketAddress address) throws IOException {
        try {
            return HttpServer.create(address, 16);
        } catch (BindException e) {
            System.out.println("cannot listen on " + address.getHostString() + ":" + address.getPort() + ": " + e.getMessage());
            System.exit(1);
            throw e;
        }
    }
}

package io.neonops.controlplane.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.neonops.controller.api.testing.FakeStorageBroker;

/**
 * {@code storage_broker} as a process, for local-mode tests: the HTTP/1 side of {@link FakeStorageBroker}
 * ({@code GET /status}) behind the real binary's command line ({@code storage-broker.md}). Stateless and needing
 * nothing else, it starts in any order. It claims no pid file (local mode claims it). Run with -Xrs, SIGTERM ends it.
 */
public final class FakeStorageBrokerDaemon {
    private static final RustCliFlags.Declaration FLAGS = RustCliFlags.Declaration.of(
            List.of("--listen-addr", "--listen-https-addr", "--timeline-chan-size", "--all-keys-chan-size",
                    "--http2-keepalive-interval", "--log-format", "--ssl-key-file", "--ssl-cert-file", "--ssl-cert-reload-period"),
            List.of(), Map.of("-l", "--listen-addr"));

    private FakeStorageBrokerDaemon() {
    }

    public static void main(String[] args) throws Exception {
        RustCliFlags flags = FLAGS.parseOrExit(args);
        if (flags.value("--listen-addr").isEmpty()) {
            System.err.println("error: the following required arguments were not provided:"
                    + " <--listen-addr <LISTEN_ADDR>|--listen-https-addr <LISTEN_HTTPS_ADDR>>");
            System.exit(2);
        }
        System.out.println("fake storage_broker pid " + ProcessHandle.current().pid() + ": " + String.join(" ", args));
        FakeStorageBroker broker = FakeStorageBroker.start(TestDaemonOptions.address(flags.value("--listen-addr").get()));
        System.out.println("serving " + broker.baseUri() + "/status");
        new CountDownLatch(1).await();
    }
}

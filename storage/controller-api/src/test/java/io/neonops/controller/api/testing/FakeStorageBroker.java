package io.neonops.controller.api.testing;

import io.neonops.storage.common.testing.FakeHttpServer.RecordedRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * A storage broker's HTTP/1 side: {@code GET /status} answers 200 with an empty body, anything else 404
 * with an empty body, as {@code storage_broker} does. No gRPC: nothing the operator calls needs it. To
 * simulate a broker that is down, close it.
 * Binds 127.0.0.1 on an ephemeral port (or the address given); close it after each test.
 */
public final class FakeStorageBroker implements AutoCloseable {

    private final RoutedHttpServer server;

    private FakeStorageBroker(InetSocketAddress address) {
        server = RoutedHttpServer.create("fake-storage-broker", new Object(), address)
                .route("GET", "/status", (request, path) -> FakeAnswers.empty(200))
                .route("GET", ".*", (request, path) -> FakeAnswers.empty(404))
                .start();
    }

    public static FakeStorageBroker start() {
        return start(RoutedHttpServer.ephemeralLoopback());
    }

    /** Listening on {@code address}, as {@code storage_broker --listen-addr ADDRESS} does. */
    public static FakeStorageBroker start(InetSocketAddress address) {
        return new FakeStorageBroker(address);
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public List<RecordedRequest> requests() {
        return server.requests();
    }

    @Override
    public void close() {
        server.close();
    }
}

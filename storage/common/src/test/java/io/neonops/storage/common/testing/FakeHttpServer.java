package io.neonops.storage.common.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An in-process HTTP server on 127.0.0.1 and a free port that answers scripted responses per
 * method and path and records every request, for testing clients without a real daemon.
 * Unscripted requests get 404 with a Neon-style error body naming the request.
 */
public final class FakeHttpServer implements AutoCloseable {

    /** One request as the server saw it; {@code query} is the raw query string, empty when there is none. */
    public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue()))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A JSON answer worked out from the request, by a server that keeps state between requests. */
    public record Answer(int status, String jsonBody) {
    }

    private sealed interface Reply permits Respond, Hang, Compute, Trickle, Endless {
    }

    private record Respond(int status, String contentType, String body) implements Reply {
    }

    private record Hang() implements Reply {
    }

    private record Compute(Function<RecordedRequest, Answer> answer) implements Reply {
    }

    private record Trickle() implements Reply {
    }

    private record Endless() implements Reply {
    }

    // a trickling body's pace: slow enough that no deadline of a test is met, fast enough to look alive
    private static final long TRICKLE_INTERVAL_MILLIS = 50;
    private static final byte[] ENDLESS_CHUNK = new byte[64 * 1024];

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-http-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private FakeHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeHttpServer start() {
        try {
            return new FakeHttpServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start fake HTTP server on 127.0.0.1", e);
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code method path} (query ignored) with a JSON body. */
    public FakeHttpServer respond(String method, String path, int status, String jsonBody) {
        replies.put(key(method, path), new Respond(status, "application/json", jsonBody));
        return this;
    }

    /** Answers {@code method path} with a body of any content type, e.g. garbage. */
    public FakeHttpServer respondRaw(String method, String path, int status, String contentType, String body) {
        replies.put(key(method, path), new Respond(status, contentType, body));
        return this;
    }

    /** Answers {@code method path} with what {@code answer} works out from each request, e.g. from state it keeps. */
    public FakeHttpServer respondWith(String method, String path, Function<RecordedRequest, Answer> answer) {
        replies.put(key(method, path), new Compute(answer));
        return this;
    }

    /** Accepts {@code method path} and never answers until the server is closed. */
    public FakeHttpServer hang(String method, String path) {
        replies.put(key(method, path), new Hang());
        return this;
    }

    /** Answers {@code method path} with 200 and a body that trickles in, a byte at a time, until the server is closed. */
    public FakeHttpServer trickle(String method, String path) {
        replies.put(key(method, path), new Trickle());
        return this;
    }

    /** Answers {@code method path} with 200 and a body that never ends, sent as fast as the client reads it. */
    public FakeHttpServer endless(String method, String path) {
        replies.put(key(method, path), new Endless());
        return this;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The single request received so far; fails when there were none or several. */
    public RecordedRequest onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests);
        }
        return requests.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            RecordedRequest request = new RecordedRequest(method, path, query == null ? "" : query,
                    Map.copyOf(exchange.getRequestHeaders()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Reply reply = replies.getOrDefault(key(method, path),
                    new Respond(404, "application/json", "{\"msg\":\"fake server: nothing scripted for " + method + " " + path + "\"}"));
            if (reply instanceof Respond r) {
                send(exchange, r);
            } else if (reply instanceof Compute c) {
                Answer answer = c.answer().apply(request);
                send(exchange, new Respond(answer.status(), "application/json", answer.jsonBody()));
            } else if (reply instanceof Trickle) {
                trickle(exchange);
            } else if (reply instanceof Endless) {
                endless(exchange);
            } else {
                awaitClose();
            }
        }
    }

    private static void send(HttpExchange exchange, Respond r) throws IOException {
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", r.contentType());
        exchange.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Until the server closes or the client hangs up (the write fails). */
    private void trickle(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try {
            while (!closed.await(TRICKLE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS)) {
                exchange.getResponseBody().write('[');
                exchange.getResponseBody().flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Until the server closes or the client hangs up (the write fails). */
    private void endless(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        while (closed.getCount() > 0) {
            exchange.getResponseBody().write(ENDLESS_CHUNK);
        }
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String key(String method, String path) {
        return method + " " + path;
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

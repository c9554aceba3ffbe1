package io.neonops.controller.api.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.neonops.storage.common.testing.FakeHttpServer.Answer;
import io.neonops.storage.common.testing.FakeHttpServer.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of the fake daemons: an in-process server on 127.0.0.1 and an ephemeral port that
 * dispatches by method and path pattern to handlers computing an {@link Answer} from the request and its
 * path parameters. It keeps the ordered log of every request, answers injected failures first, and lets a
 * guard (auth) answer before any route. A handler refuses by throwing a {@link Refusal}. An empty answer
 * body is sent without a body or content type.
 */
public final class RoutedHttpServer implements AutoCloseable {

    /** Works out the answer to a request whose path matched; {@code path} holds the path's groups. */
    @FunctionalInterface
    public interface Handler {
        Answer handle(RecordedRequest request, Matcher path);
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private record InjectedFailure(String method, Pattern path, Answer answer, boolean once) {
    }

    private final String name;
    private final Object lock;
    private final HttpServer server;
    private final List<Route> routes = new ArrayList<>();
    private final List<RecordedRequest> log = new ArrayList<>();
    private final List<InjectedFailure> failures = new ArrayList<>();
    private Function<RecordedRequest, Optional<Answer>> guard = request -> Optional.empty();

    private RoutedHttpServer(String name, Object lock, InetSocketAddress address) throws IOException {
        this.name = name;
        this.lock = lock;
        // the default executor serves one request at a time on the server's own thread: the fakes need no more
        this.server = HttpServer.create(address, 0);
        server.createContext("/", this::serve);
    }

    /** A server named {@code name} in its messages; add routes, then {@link #start()}. */
    public static RoutedHttpServer create(String name) {
        return create(name, new Object());
    }

    /**
     * A server that answers each request holding {@code lock}: a fake passes itself, so that its handlers
     * and its synchronized test hooks never interleave.
     */
    public static RoutedHttpServer create(String name, Object lock) {
        return create(name, lock, ephemeralLoopback());
    }

    /** As {@link #create(String, Object)}, listening on {@code address}: a fake run as a process takes the real flags. */
    public static RoutedHttpServer create(String name, Object lock, InetSocketAddress address) {
        try {
            return new RoutedHttpServer(name, lock, address);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + name + " to " + address.getHostString() + ":" + address.getPort(), e);
        }
    }

    /** 127.0.0.1 on a port the kernel picks. */
    public static InetSocketAddress ephemeralLoopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    public RoutedHttpServer start() {
        server.start();
        return this;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code method} on paths matching {@code pathRegex} (the whole path, query excluded). */
    public RoutedHttpServer route(String method, String pathRegex, Handler handler) {
        synchronized (lock) {
            routes.add(new Route(method, Pattern.compile(pathRegex), handler));
            return this;
        }
    }

    /** Answers before any route; an empty result lets the request through. */
    public void guard(Function<RecordedRequest, Optional<Answer>> newGuard) {
        synchronized (lock) {
            this.guard = newGuard;
        }
    }

    /** The next request of {@code method} on a path matching {@code pathRegex} gets {@code answer} instead. */
    public void failNext(String method, String pathRegex, Answer answer) {
        synchronized (lock) {
            failures.add(new InjectedFailure(method, Pattern.compile(pathRegex), answer, true));
        }
    }

    /** Every request of {@code method} on a path matching {@code pathRegex} gets {@code answer}, until {@link #clearFailures()}. */
    public void failAlways(String method, String pathRegex, Answer answer) {
        synchronized (lock) {
            failures.add(new InjectedFailure(method, Pattern.compile(pathRegex), answer, false));
        }
    }

    public void clearFailures() {
        synchronized (lock) {
            failures.clear();
        }
    }

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(log);
        }
    }

    /** Forgets the requests received so far. */
    public void clearRequests() {
        synchronized (lock) {
            log.clear();
        }
    }

    /** The requests as {@code "METHOD /path"} (with {@code ?query} when there was one), in order. */
    public List<String> calls() {
        synchronized (lock) {
            return log.stream().map(r -> r.method() + " " + r.path() + (r.query().isEmpty() ? "" : "?" + r.query())).toList();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            var request = new RecordedRequest(exchange.getRequestMethod(), uri.getRawPath(),
                    Optional.ofNullable(uri.getRawQuery()).orElse(""), Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Answer answer = answer(request);
            byte[] body = answer.jsonBody().getBytes(StandardCharsets.UTF_8);
            if (body.length > 0) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    // one request at a time, and the log in the order the answers were given
    private Answer answer(RecordedRequest request) {
        synchronized (lock) {
            log.add(request);
            for (InjectedFailure failure : failures) {
                if (failure.method().equals(request.method()) && failure.path().matcher(request.path()).matches()) {
                    if (failure.once()) {
                        failures.remove(failure);
                    }
                    return failure.answer();
                }
            }
            Optional<Answer> refused = guard.apply(request);
            if (refused.isPresent()) {
                return refused.get();
            }
            for (Route route : routes) {
                Matcher path = route.path().matcher(request.path());
                if (route.method().equals(request.method()) && path.matches()) {
                    try {
                        return route.handler().handle(request, path);
                    } catch (Refusal refusal) {
                        return refusal.answer();
                    }
                }
            }
            return FakeAnswers.error(404, name + ": no route for " + request.method() + " " + request.path());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

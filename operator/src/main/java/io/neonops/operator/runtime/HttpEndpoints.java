package io.neonops.operator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.neonops.operator.storcon.ComputeNotificationHook;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The operator's HTTP endpoints, on two ports so that the metrics port can be exposed by a Service while the
 * probes stay private to the kubelet: {@code GET /healthz} and {@code GET /readyz} (200 or 503 with a one-line
 * body) and {@code GET /metrics} (Prometheus text format). The metrics port, which a Service exposes, also takes
 * the storage controllers' compute notifications ({@link ComputeNotificationHook}).
 */
public final class HttpEndpoints implements AutoCloseable {

    public static final String HEALTHZ = "/healthz";
    public static final String READYZ = "/readyz";
    public static final String METRICS = "/metrics";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PLAIN_TEXT = "text/plain; charset=utf-8";

    private final HttpServer health;
    private final HttpServer metrics;
    private final ExecutorService executor;

    private HttpEndpoints(HttpServer health, HttpServer metrics, ExecutorService executor) {
        this.health = health;
        this.metrics = metrics;
        this.executor = executor;
    }

    /**
     * @throws OperatorStartException when a port cannot be bound, naming the port's option
     */
    public static HttpEndpoints start(EndpointSettings settings, HealthProbes probes, PrometheusMeterRegistry registry)
            throws OperatorStartException {
        HttpServer health = bind(settings, settings.healthPort(), "--health-port", null);
        HttpServer metrics = bind(settings, settings.metricsPort(), "--metrics-port", health);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "neon-operator-http");
            thread.setDaemon(true);
            return thread;
        });
        health.createContext("/", routes(Map.of(HEALTHZ, () -> probeResponse(probes.liveness()),
                READYZ, () -> probeResponse(probes.readiness()))));
        metrics.createContext("/", routes(Map.of(METRICS,
                () -> new Response(HttpURLConnection.HTTP_OK, PROMETHEUS_TEXT, registry.scrape()))));
        metrics.createContext(ComputeNotificationHook.PREFIX, new ComputeNotificationHook(registry));
        health.setExecutor(executor);
        metrics.setExecutor(executor);
        health.start();
        metrics.start();
        return new HttpEndpoints(health, metrics, executor);
    }

    public InetSocketAddress healthAddress() {
        return health.getAddress();
    }

    public InetSocketAddress metricsAddress() {
        return metrics.getAddress();
    }

    @Override
    public void close() {
        health.stop(0);
        metrics.stop(0);
        executor.shutdownNow();
    }

    private static HttpServer bind(EndpointSettings settings, int port, String option, HttpServer boundBefore)
            throws OperatorStartException {
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), port);
        try {
            return HttpServer.create(address, 0);
        } catch (IOException e) {
            if (boundBefore != null) {
                boundBefore.stop(0);
            }
            throw new OperatorStartException("cannot listen on " + settings.bindAddress().getHostAddress() + ":" + port + " ("
                    + option + "): " + e.getMessage());
        }
    }

    private record Response(int status, String contentType, String body) {
    }

    private static Response probeResponse(Probe probe) {
        return new Response(probe.ok() ? HttpURLConnection.HTTP_OK : HttpURLConnection.HTTP_UNAVAILABLE, PLAIN_TEXT,
                (probe.ok() ? "ok: " : "not ok: ") + probe.detail() + "\n");
    }

    /** Exact paths, GET and HEAD only; anything else is 404 or 405. */
    private static HttpHandler routes(Map<String, Supplier<Response>> handlers) {
        return exchange -> {
            try (exchange) {
                Supplier<Response> handler = handlers.get(exchange.getRequestURI().getPath());
                Response response;
                if (handler == null) {
                    response = new Response(HttpURLConnection.HTTP_NOT_FOUND, PLAIN_TEXT,
                            "not found; try " + String.join(" or ", handlers.keySet().stream().sorted().toList()) + "\n");
                } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    response = new Response(HttpURLConnection.HTTP_BAD_METHOD, PLAIN_TEXT, "only GET\n");
                } else {
                    response = handler.get();
                }
                send(exchange, response);
            }
        };
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}

package io.neonops.operator.storcon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.neonops.controlplane.cluster.ObjectNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compute-notification hook a storage controller calls ({@code --control-plane-url}): strict mode refuses to
 * start without one, and in {@code --dev} mode a missing one makes every tenant attachment fail. The operator runs
 * no computes, so it only answers 200 and counts and logs each notification; each cluster's storage controller
 * gets its own URL, {@code <operator>/storcon-hooks/<namespace>/<cluster>}, to which it appends the hook's name.
 */
public final class ComputeNotificationHook implements HttpHandler {

    public static final String PREFIX = "/storcon-hooks/";
    public static final String NOTIFY_ATTACH = "notify-attach";
    public static final String NOTIFY_SAFEKEEPERS = "notify-safekeepers";
    /** Notifications received, by hook (Prometheus: {@code neon_operator_storcon_notifications_total}). */
    public static final String NOTIFICATIONS = "neon.operator.storcon.notifications";
    public static final String HOOK_TAG = "hook";
    /** A notification names a tenant's shards and their pageservers, or a timeline's safekeepers: far below this. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(ComputeNotificationHook.class);
    private static final Set<String> HOOKS = Set.of(NOTIFY_ATTACH, NOTIFY_SAFEKEEPERS);

    private final Map<String, Counter> counters;

    public ComputeNotificationHook(MeterRegistry registry) {
        counters = HOOKS.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                hook -> Counter.builder(NOTIFICATIONS).description("Compute notifications storage controllers sent")
                        .tag(HOOK_TAG, hook).register(registry)));
    }

    /** The {@code --control-plane-url} of a cluster's storage controller, given where the operator is reached. */
    public static String url(String operatorUrl, String namespace, String cluster) {
        String base = operatorUrl.endsWith("/") ? operatorUrl.substring(0, operatorUrl.length() - 1) : operatorUrl;
        return base + PREFIX + namespace + "/" + cluster;
    }

    /** A notification's address: {@code /storcon-hooks/<namespace>/<cluster>/<hook>}. */
    record Target(String namespace, String cluster, String hook) {

        static Optional<Target> parse(String path) {
            if (!path.startsWith(PREFIX)) {
                return Optional.empty();
            }
            String[] parts = path.substring(PREFIX.length()).split("/", -1);
            if (parts.length != 3 || !ObjectNames.isValid(parts[0]) || !ObjectNames.isValid(parts[1])
                    || !HOOKS.contains(parts[2])) {
                return Optional.empty();
            }
            return Optional.of(new Target(parts[0], parts[1], parts[2]));
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<Target> target = Target.parse(exchange.getRequestURI().getPath());
            if (target.isEmpty()) {
                answer(exchange, HttpURLConnection.HTTP_NOT_FOUND, "not found; the hooks are PUT " + PREFIX
                        + "<namespace>/<cluster>/" + NOTIFY_ATTACH + " and ..." + "/" + NOTIFY_SAFEKEEPERS + "\n");
            } else if (!"PUT".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "PUT");
                answer(exchange, HttpURLConnection.HTTP_BAD_METHOD, "only PUT\n");
            } else {
                long size = drain(exchange.getRequestBody());
                if (size > MAX_BODY_BYTES) {
                    answer(exchange, 413, "body larger than " + MAX_BODY_BYTES + " bytes\n");
                    return;
                }
                Target t = target.get();
                counters.get(t.hook()).increment();
                LOG.info("storage controller of {}/{}: {} ({} bytes), nothing to do: the operator runs no computes",
                        t.namespace(), t.cluster(), t.hook(), size);
                answer(exchange, HttpURLConnection.HTTP_OK, "");
            }
        }
    }

    /** Reads the body to its end, or just past the bound; returns how many bytes it read. */
    private static long drain(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = body.read(buffer); n >= 0 && total <= MAX_BODY_BYTES; n = body.read(buffer)) {
            total += n;
        }
        return total;
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}

package io.neonops.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.neonops.operator.pageserver.PageserverConnector;
import io.neonops.pageserver.api.PageserverClient;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.NeonJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pageservers of the 2022 releases (the API of {@code ../shared/reference/neon/pageserver-openapi.yml}, with the
 * server's quirks that SOURCE.md lists), one per pod, keyed by the first label of the host the operator asks for
 * ({@code demo-pageserver-1}): they keep tenants, their configuration and timelines, branch at an LSN or at their
 * parent's last record, refuse to delete a timeline with children, and answer LSN-by-timestamp as scripted.
 */
public final class FakeLegacyPageservers implements AutoCloseable {

    private static final ObjectMapper JSON = NeonJson.newMapper();
    private static final Lsn INITIAL_LSN = Lsn.parse("0/169AD58");

    private final Map<String, Pageserver> byHost = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<String, String> lsnByTimestamp = new ConcurrentHashMap<>();

    public static FakeLegacyPageservers start() {
        return new FakeLegacyPageservers();
    }

    /** Each call goes to the fake of its host, started on first use. */
    public PageserverConnector connector() {
        return settings -> {
            Pageserver pageserver = byHost.computeIfAbsent(settings.baseUri().getHost().split("\\.")[0], Pageserver::new);
            return new PageserverClient(new ApiClientSettings(pageserver.baseUri(), settings.connectTimeout(),
                    settings.requestTimeout(), settings.bearerToken(), settings.maxResponseBytes()));
        };
    }

    /** Every call, as {@code host METHOD path}, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The Authorization header of every call, "" when there was none. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The calls that change something (not GET). */
    public List<String> writes() {
        return calls.stream().filter(c -> !c.contains(" GET ")).toList();
    }

    /** The tenants pageserver {@code host} holds, by id. */
    public Map<String, ObjectNode> tenants(String host) {
        return Optional.ofNullable(byHost.get(host)).map(p -> Map.copyOf(p.tenants)).orElse(Map.of());
    }

    /** The configuration of tenant {@code id} on {@code host}, as the last PUT /v1/tenant/config left it. */
    public ObjectNode config(String host, String id) {
        return byHost.get(host).configs.get(id);
    }

    /** The timelines of tenant {@code id} on {@code host}, by id. */
    public Map<String, ObjectNode> timelines(String host, String id) {
        return Map.copyOf(byHost.get(host).timelines.getOrDefault(id, Map.of()));
    }

    /** Creates a tenant as another client would have, for adoption. */
    public void hold(String host, String tenantId) {
        byHost.computeIfAbsent(host, Pageserver::new).createTenant(tenantId);
    }

    /** What get_lsn_by_timestamp answers for {@code timelineId}: an LSN, or "future", "past", "nodata". */
    public void answerLsnByTimestamp(String timelineId, String answer) {
        lsnByTimestamp.put(timelineId, answer);
    }

    @Override
    public void close() {
        byHost.values().forEach(p -> p.server.stop(0));
    }

    private final class Pageserver {
        private final String host;
        private final HttpServer server;
        private final Map<String, ObjectNode> tenants = new ConcurrentHashMap<>();
        private final Map<String, ObjectNode> configs = new ConcurrentHashMap<>();
        private final Map<String, Map<String, ObjectNode>> timelines = new ConcurrentHashMap<>();

        Pageserver(String host) {
            this.host = host;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", this::handle);
            server.start();
        }

        URI baseUri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private record Answer(int status, Object body) {
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getPath();
                calls.add(host + " " + method + " " + path);
                authorizations.add(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse(""));
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Answer answer;
                synchronized (this) {
                    answer = answer(method, path, body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body));
                }
                byte[] out = JSON.writeValueAsBytes(answer.body());
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), out.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }

        private Answer answer(String method, String path, JsonNode body) {
            String[] parts = path.replaceAll("/+$", "").split("/");
            // "", "v1", "tenant", id, "timeline", id, "get_lsn_by_timestamp"
            if (parts.length == 3 && "GET".equals(method)) {
                return new Answer(200, new ArrayList<>(tenants.values()));
            }
            if (parts.length == 3 && "POST".equals(method)) {
                String id = body.path("new_tenant_id").asText();
                if (tenants.containsKey(id)) {
                    return error(409, "tenant " + id + " already exists");
                }
                createTenant(id);
                return new Answer(201, id);
            }
            if (parts.length == 4 && "config".equals(parts[3]) && "PUT".equals(method)) {
                // the server reads tenant_id as 16 integers and checkpoint_distance as a string
                if (!body.path("tenant_id").isArray() || body.path("tenant_id").size() != 16) {
                    return error(400, "tenant_id: expected an array of 16 integers");
                }
                StringBuilder hex = new StringBuilder();
                body.path("tenant_id").forEach(b -> hex.append(String.format("%02x", b.asInt())));
                if (!tenants.containsKey(hex.toString())) {
                    return error(404, "tenant " + hex + " not found");
                }
                if (body.has("checkpoint_distance") && !body.get("checkpoint_distance").isTextual()) {
                    return error(400, "checkpoint_distance: expected a string");
                }
                ObjectNode config = JSON.createObjectNode();
                body.properties().forEach(e -> {
                    if (!"tenant_id".equals(e.getKey()) && !e.getValue().isNull()) {
                        config.set(e.getKey(), e.getValue());
                    }
                });
                configs.put(hex.toString(), config);
                return new Answer(200, new ArrayList<>(tenants.values()));
            }
            String tenant = parts.length > 3 ? parts[3] : "";
            if (!tenants.containsKey(tenant)) {
                return error(404, "tenant " + tenant + " not found");
            }
            Map<String, ObjectNode> ofTenant = timelines.get(tenant);
            if (parts.length == 4 && "GET".equals(method)) {
                return new Answer(200, tenants.get(tenant));
            }
            if (parts.length == 5 && "detach".equals(parts[4]) && "POST".equals(method)) {
                tenants.remove(tenant);
                timelines.remove(tenant);
                configs.remove(tenant);
                return new Answer(200, null);
            }
            if (parts.length == 5 && "GET".equals(method)) {
                return new Answer(200, new ArrayList<>(ofTenant.values()));
            }
            if (parts.length == 5 && "POST".equals(method)) {
                return createTimeline(tenant, ofTenant, body);
            }
            String timeline = parts.length > 5 ? parts[5] : "";
            if (!ofTenant.containsKey(timeline)) {
                return error(404, "timeline " + timeline + " not found");
            }
            if (parts.length == 6 && "GET".equals(method)) {
                return new Answer(200, ofTenant.get(timeline));
            }
            if (parts.length == 6 && "DELETE".equals(method)) {
                if (ofTenant.values().stream().anyMatch(t -> timeline.equals(t.path("ancestor_timeline_id").asText()))) {
                    return error(400, "Cannot delete timeline which has child timelines");
                }
                ofTenant.remove(timeline);
                return new Answer(200, null);
            }
            if (parts.length == 7 && "get_lsn_by_timestamp".equals(parts[6]) && "GET".equals(method)) {
                return new Answer(200, lsnByTimestamp.getOrDefault(timeline, "nodata"));
            }
            return error(404, "no route for " + method + " " + path);
        }

        private void createTenant(String id) {
            ObjectNode tenant = JSON.createObjectNode().put("id", id);
            tenant.putObject("state").putObject("Active").put("background_jobs_running", true);
            tenant.put("has_in_progress_downloads", false);
            tenants.put(id, tenant);
            timelines.put(id, new LinkedHashMap<>());
        }

        private Answer createTimeline(String tenant, Map<String, ObjectNode> ofTenant, JsonNode body) {
            String id = body.path("new_timeline_id").asText();
            if (ofTenant.containsKey(id)) {
                return error(409, "timeline " + id + " already exists");
            }
            ObjectNode timeline = JSON.createObjectNode().put("tenant_id", tenant).put("timeline_id", id);
            String ancestor = body.path("ancestor_timeline_id").asText(null);
            Lsn last = INITIAL_LSN;
            Integer pgVersion = body.hasNonNull("pg_version") ? body.get("pg_version").asInt() : 14;
            if (ancestor != null) {
                ObjectNode parent = ofTenant.get(ancestor);
                if (parent == null) {
                    return error(400, "ancestor timeline " + ancestor + " not found");
                }
                last = body.hasNonNull("ancestor_start_lsn") ? Lsn.parse(body.get("ancestor_start_lsn").asText())
                        : Lsn.parse(parent.get("last_record_lsn").asText());
                pgVersion = parent.get("pg_version").asInt();
                timeline.put("ancestor_timeline_id", ancestor).put("ancestor_lsn", last.toString());
            } else {
                timeline.putNull("ancestor_timeline_id").putNull("ancestor_lsn");
            }
            timeline.put("last_record_lsn", last.toString()).put("prev_record_lsn", last.toString())
                    .put("disk_consistent_lsn", last.toString()).put("remote_consistent_lsn", last.toString())
                    .put("current_logical_size", 22_000_000L).put("current_physical_size", 30_000_000L)
                    .putNull("wal_source_connstr").putNull("last_received_msg_lsn").putNull("last_received_msg_ts")
                    .put("pg_version", pgVersion).put("awaits_download", false);
            ofTenant.put(id, timeline);
            return new Answer(201, timeline);
        }

        private Answer error(int status, String message) {
            return new Answer(status, Map.of("msg", message));
        }
    }
}

package io.neonops.operator.testing;

import io.neonops.operator.pageserver.PageserverConnector;
import io.neonops.operator.pageserver.PageserverTimelines;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.upgrade.TimelinePgVersion;
import io.neonops.pageserver.api.PageserverClient;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.testing.FakeHttpServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The pageservers of the clusters under test, one fake per namespace: the operator's connector sends each
 * call to the fake of the namespace that the pageserver's DNS name is in. The pageservers of a namespace
 * without a fake are down: their calls are refused.
 */
public final class FakePageservers implements AutoCloseable {

    private final Map<String, FakeHttpServer> byNamespace = new ConcurrentHashMap<>();
    private final List<URI> asked = new CopyOnWriteArrayList<>();
    private final URI nothingListening;

    private FakePageservers() {
        try (FakeHttpServer closed = FakeHttpServer.start()) {
            nothingListening = closed.baseUri();
        }
    }

    public static FakePageservers start() {
        return new FakePageservers();
    }

    /** The pageservers in {@code namespace} answer that they hold these timelines; returns their fake. */
    public FakeHttpServer serve(String namespace, List<TimelinePgVersion> timelines) {
        FakeHttpServer server = serve(namespace);
        Map<String, List<TimelinePgVersion>> byTenant = new LinkedHashMap<>();
        timelines.forEach(t -> byTenant.computeIfAbsent(t.tenantId(), k -> new ArrayList<>()).add(t));
        server.respond("GET", "/v1/tenant", 200, byTenant.keySet().stream()
                .map(tenant -> "{\"id\":\"" + tenant + "\",\"state\":\"Active\"}")
                .collect(Collectors.joining(",", "[", "]")));
        byTenant.forEach((tenant, list) -> server.respond("GET", "/v1/tenant/" + tenant + "/timeline", 200,
                list.stream().map(FakePageservers::timelineJson).collect(Collectors.joining(",", "[", "]"))));
        return server;
    }

    /** The fake that plays the pageservers in {@code namespace}, for the test to script. */
    public FakeHttpServer serve(String namespace) {
        FakeHttpServer server = FakeHttpServer.start();
        FakeHttpServer previous = byNamespace.put(namespace, server);
        if (previous != null) {
            previous.close();
        }
        return server;
    }

    /** Sends each call to the fake of the pageserver's namespace, with the operator's timeouts. */
    public PageserverConnector connector() {
        return settings -> {
            asked.add(settings.baseUri());
            FakeHttpServer server = byNamespace.get(namespaceOf(settings.baseUri()));
            URI target = server == null ? nothingListening : server.baseUri();
            return new PageserverClient(new ApiClientSettings(target, settings.connectTimeout(),
                    settings.requestTimeout(), settings.bearerToken(), settings.maxResponseBytes()));
        };
    }

    /** The operator's view of the clusters' pageservers, through {@link #connector()}. */
    public PageserverTimelines timelines() {
        return new PageserverTimelines(connector(), KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN);
    }

    /** The base URLs the operator asked for, of pageservers in {@code namespace}. */
    public List<URI> asked(String namespace) {
        return asked.stream().filter(uri -> namespace.equals(namespaceOf(uri))).toList();
    }

    /** {@code <pod>.<service>.<namespace>.svc.<domain>}. */
    private static String namespaceOf(URI uri) {
        String[] labels = uri.getHost().split("\\.");
        return labels.length > 2 ? labels[2] : "";
    }

    private static String timelineJson(TimelinePgVersion timeline) {
        return "{\"tenant_id\":\"" + timeline.tenantId() + "\",\"timeline_id\":\"" + timeline.timelineId()
                + "\",\"last_record_lsn\":\"0/16B5A50\",\"disk_consistent_lsn\":\"0/16B5A50\",\"pg_version\":"
                + timeline.pgMajor() + "}";
    }

    @Override
    public void close() {
        byNamespace.values().forEach(FakeHttpServer::close);
    }
}

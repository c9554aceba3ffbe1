package io.neonops.operator.testing;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The requests the mock API server received, drained from its log. */
public final class RequestLog {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final KubernetesMockServer server;

    public RequestLog(KubernetesMockServer server) {
        this.server = server;
    }

    /** Every request received since the last call, as "METHOD path". */
    public List<String> drain() {
        return drainRequests().stream().map(r -> r.getMethod() + " " + r.getPath()).toList();
    }

    /** Every request received since the last call, bodies included. */
    public synchronized List<RecordedRequest> drainRequests() {
        List<RecordedRequest> requests = new ArrayList<>();
        try {
            RecordedRequest request;
            while ((request = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
                requests.add(request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading the request log", e);
        }
        return requests;
    }

    /** The write requests since the last drain that touched {@code namespace}. */
    public List<String> writesIn(String namespace) {
        return drain().stream()
                .filter(r -> WRITES.contains(r.substring(0, r.indexOf(' '))))
                .filter(r -> r.contains("/namespaces/" + namespace + "/"))
                .toList();
    }
}

package io.neonops.safekeeper.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.ApiPaths;
import io.neonops.storage.common.api.ApiRequest;
import io.neonops.storage.common.api.NeonApiException;
import io.neonops.storage.common.api.NeonApiTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

/**
 * Client of a safekeeper's management API (default port 7676). Every method throws a
 * {@link NeonApiException} subtype on failure, as {@code PageserverClient} does. Thread-safe.
 */
public final class SafekeeperClient {

    private static final TypeReference<Map<TimelineId, TimelineDeleteResult>> DELETED_TIMELINES = new TypeReference<>() { };
    private static final TypeReference<List<TenantTimelineId>> TIMELINES = new TypeReference<>() { };

    private final NeonApiTransport transport;

    public SafekeeperClient(ApiClientSettings settings) {
        this.transport = new NeonApiTransport(settings);
    }

    /** A client over a shared HTTP client, e.g. the one a process uses for all its daemons. */
    public SafekeeperClient(ApiClientSettings settings, HttpClient http) {
        this.transport = new NeonApiTransport(settings, http);
    }

    public ApiClientSettings settings() {
        return transport.settings();
    }

    /** {@code GET /v1/status}. */
    public SafekeeperStatus status() {
        return transport.send(ApiRequest.get("/v1/status"), SafekeeperStatus.class);
    }

    /**
     * {@code POST /v1/tenant/timeline}, where the server routes timeline creation (its OpenAPI file
     * names {@code /v1/tenant/{tenant_id}/timeline}, which the server does not route).
     */
    public void createTimeline(TimelineCreateRequest request) {
        transport.send(ApiRequest.post("/v1/tenant/timeline", request));
    }

    /** {@code GET /v1/tenant/{tenant_id}/timeline/{timeline_id}}. */
    public TimelineStatus timelineStatus(TenantId tenantId, TimelineId timelineId) {
        return transport.send(ApiRequest.get(ApiPaths.timeline(tenantId, timelineId)), TimelineStatus.class);
    }

    /** The URL of a timeline's status, for messages. */
    public URI timelineStatusUri(TenantTimelineId id) {
        return transport.uriOf(ApiRequest.get(ApiPaths.timeline(id.tenantId(), id.timelineId())));
    }

    /**
     * {@code GET /v1/tenant/timeline}: every timeline this safekeeper holds (not deleted). Modern releases only
     * (since 2024-08); 2022 releases publish their timelines only through {@link #timelineWalFromMetrics()}.
     */
    public List<TenantTimelineId> listTimelines() {
        return transport.send(ApiRequest.get("/v1/tenant/timeline"), TIMELINES);
    }

    /** {@code GET /metrics}, read for the per-timeline WAL positions ({@link TimelineWalMetrics}). */
    public List<TimelineWal> timelineWalFromMetrics() {
        return transport.sendForText(ApiRequest.get("/metrics"), "Prometheus text with per-timeline LSN gauges",
                TimelineWalMetrics::parse);
    }

    /** {@code DELETE /v1/tenant/{tenant_id}/timeline/{timeline_id}}: removes the timeline's WAL from this safekeeper. */
    public TimelineDeleteResult deleteTimeline(TenantId tenantId, TimelineId timelineId) {
        return transport.send(ApiRequest.delete(ApiPaths.timeline(tenantId, timelineId)), TimelineDeleteResult.class);
    }

    /** {@code DELETE /v1/tenant/{tenant_id}}: removes every timeline of the tenant from this safekeeper. */
    public Map<TimelineId, TimelineDeleteResult> deleteTenant(TenantId tenantId) {
        return transport.send(ApiRequest.delete(ApiPaths.tenant(tenantId)), DELETED_TIMELINES);
    }
}

package io.neonops.pageserver.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.ApiPaths;
import io.neonops.storage.common.api.ApiRequest;
import io.neonops.storage.common.api.NeonApiException;
import io.neonops.storage.common.api.NeonApiTransport;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Client of a pageserver's management API (default port 9898). Every method throws a
 * {@link NeonApiException} subtype on failure: {@code NotFoundException}, {@code ConflictException},
 * {@code UnauthorizedException}, {@code UnexpectedStatusException} carry the server's message;
 * {@code NeonApiTimeoutException}, {@code RequestFailedException} and
 * {@code MalformedResponseException} cover the rest. Thread-safe.
 */
public final class PageserverClient {

    private static final TypeReference<List<TenantInfo>> TENANTS = new TypeReference<>() { };
    private static final TypeReference<List<TimelineInfo>> TIMELINES = new TypeReference<>() { };

    private final NeonApiTransport transport;

    public PageserverClient(ApiClientSettings settings) {
        this.transport = new NeonApiTransport(settings);
    }

    /** A client over a shared HTTP client ({@link NeonApiTransport#NeonApiTransport(ApiClientSettings, HttpClient)}). */
    public PageserverClient(ApiClientSettings settings, HttpClient http) {
        this.transport = new NeonApiTransport(settings, http);
    }

    public ApiClientSettings settings() {
        return transport.settings();
    }

    /** {@code GET /v1/status}: answers as soon as the HTTP endpoint is up. */
    public PageserverStatus status() {
        return transport.send(ApiRequest.get("/v1/status"), PageserverStatus.class);
    }

    /** {@code GET /v1/tenant}. */
    public List<TenantInfo> listTenants() {
        return transport.send(ApiRequest.get("/v1/tenant"), TENANTS);
    }

    /** {@code POST /v1/tenant}; returns the id of the new tenant (the generated one when none was given). */
    public TenantId createTenant(TenantCreateRequest request) {
        return transport.send(ApiRequest.post("/v1/tenant", request), TenantId.class);
    }

    /** {@code GET /v1/tenant/{tenant_id}}. */
    public TenantInfo tenant(TenantId tenantId) {
        return transport.send(ApiRequest.get(ApiPaths.tenant(tenantId)), TenantInfo.class);
    }

    /** {@code PUT /v1/tenant/config}. */
    public void updateTenantConfig(TenantConfigRequest request) {
        transport.send(ApiRequest.put("/v1/tenant/config", request));
    }

    /**
     * {@code POST /v1/tenant/{tenant_id}/detach}: the pageserver drops the tenant and its local files; what it
     * uploaded to remote storage stays (the 2022 API has no tenant deletion).
     */
    public void detachTenant(TenantId tenantId) {
        transport.send(ApiRequest.post(ApiPaths.tenant(tenantId) + "/detach", Map.of()));
    }

    /** {@code GET /v1/tenant/{tenant_id}/timeline}. */
    public List<TimelineInfo> listTimelines(TenantId tenantId, TimelineSizes sizes) {
        return transport.send(withSizes(ApiRequest.get(ApiPaths.tenant(tenantId) + "/timeline"), sizes), TIMELINES);
    }

    /** {@code POST /v1/tenant/{tenant_id}/timeline}; returns the new timeline. */
    public TimelineInfo createTimeline(TenantId tenantId, TimelineCreateRequest request) {
        return transport.send(ApiRequest.post(ApiPaths.tenant(tenantId) + "/timeline", request), TimelineInfo.class);
    }

    /** {@code GET /v1/tenant/{tenant_id}/timeline/{timeline_id}}. */
    public TimelineInfo timeline(TenantId tenantId, TimelineId timelineId, TimelineSizes sizes) {
        return transport.send(withSizes(ApiRequest.get(ApiPaths.timeline(tenantId, timelineId)), sizes), TimelineInfo.class);
    }

    /**
     * {@code GET /v1/tenant/{tenant_id}/timeline/{timeline_id}/get_lsn_by_timestamp?timestamp=...}: as the 2022
     * releases answer, a JSON string, the LSN of the last commit at or before the time, or {@code "future"},
     * {@code "past"} or {@code "nodata"}.
     */
    public String lsnByTimestamp(TenantId tenantId, TimelineId timelineId, Instant at) {
        return transport.send(ApiRequest.get(ApiPaths.timeline(tenantId, timelineId) + "/get_lsn_by_timestamp")
                .withQuery("timestamp", at.toString()), String.class);
    }

    /** {@code DELETE /v1/tenant/{tenant_id}/timeline/{timeline_id}}; on a 500 the server asks callers to retry. */
    public void deleteTimeline(TenantId tenantId, TimelineId timelineId) {
        transport.send(ApiRequest.delete(ApiPaths.timeline(tenantId, timelineId)));
    }

    private static ApiRequest withSizes(ApiRequest request, TimelineSizes sizes) {
        // servers of 2022 test only for the parameter's presence, later ones parse a bool: "true" suits both
        ApiRequest result = request;
        if (sizes.includeNonIncrementalLogical()) {
            result = result.withQuery("include-non-incremental-logical-size", "true");
        }
        if (sizes.includeNonIncrementalPhysical()) {
            result = result.withQuery("include-non-incremental-physical-size", "true");
        }
        return result;
    }
}

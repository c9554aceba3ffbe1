package io.neonops.controller.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.ApiPaths;
import io.neonops.storage.common.api.ApiRequest;
import io.neonops.storage.common.api.NeonApiException;
import io.neonops.storage.common.api.NeonApiStatusException;
import io.neonops.storage.common.api.NeonApiTransport;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Client of the storage controller's HTTP API ({@code storage_controller}; port 1234 in neon_local, 50051
 * in Neon's chart): health, pageserver nodes and their drain/fill/delete, safekeeper registration, and the
 * tenant and timeline API it offers in the pageservers' place. With a bearer token in the settings every
 * call carries it; the storage controller wants scope {@code admin}, or {@code infra} for nodes and
 * safekeepers and {@code pageserverapi} for {@code /v1}.
 *
 * <p>Answers a caller must branch on are values ({@link NodeOperationAnswer}, {@link DeletionOutcome},
 * {@code ready()}); every other failure is a {@link NeonApiException} naming the URL, as for the
 * pageserver's client. Thread-safe.
 */
public final class StorageControllerClient {

    private static final TypeReference<List<PageserverNode>> NODES = new TypeReference<>() { };
    private static final TypeReference<List<RegisteredSafekeeper>> SAFEKEEPERS = new TypeReference<>() { };
    private static final TypeReference<List<TenantDescription>> TENANTS = new TypeReference<>() { };
    private static final TypeReference<List<TimelineInfo>> TIMELINES = new TypeReference<>() { };
    private static final int SERVICE_UNAVAILABLE = 503;
    private static final int NOT_FOUND = 404;
    private static final int REQUEST_TIMEOUT = 408;
    private static final int CONFLICT = 409;

    private final NeonApiTransport transport;

    public StorageControllerClient(ApiClientSettings settings) {
        this.transport = new NeonApiTransport(settings);
    }

    /** A client over a shared HTTP client (its pool and selector thread), as the operator's reconciles use. */
    public StorageControllerClient(ApiClientSettings settings, HttpClient http) {
        this.transport = new NeonApiTransport(settings, http);
    }

    /** {@code GET /status}: the HTTP server runs (it starts only after migrations and loading its state). */
    public void status() {
        transport.send(ApiRequest.get("/status"));
    }

    /**
     * {@code GET /ready}: true once startup reconciliation is done, false while it answers 503.
     *
     * @throws NeonApiException for any other failure
     */
    public boolean ready() {
        try {
            transport.send(ApiRequest.get("/ready"));
            return true;
        } catch (NeonApiStatusException e) {
            if (e.status() == SERVICE_UNAVAILABLE) {
                return false;
            }
            throw e;
        }
    }

    // ---- pageserver nodes

    /** {@code GET /control/v1/node}: every registered pageserver, by id. */
    public List<PageserverNode> listNodes() {
        return transport.send(ApiRequest.get(ControllerPaths.NODES), NODES);
    }

    /** {@code GET /control/v1/node/{node_id}}; empty when the node is not registered (404). */
    public Optional<PageserverNode> node(NodeId nodeId) {
        return absentOn404(() -> transport.send(ApiRequest.get(ControllerPaths.node(nodeId)), PageserverNode.class));
    }

    /** {@code POST /control/v1/node}: registers a pageserver that has no {@code metadata.json}. */
    public void registerNode(NodeRegisterRequest request) {
        transport.send(ApiRequest.post(ControllerPaths.NODES, request));
    }

    /** {@code PUT /control/v1/node/{node_id}/config}; refused while any drain, fill or delete runs. */
    public NodeOperationAnswer configureNode(NodeConfigureRequest request) {
        return nodeOperation(ApiRequest.put(ControllerPaths.node(request.nodeId()) + "/config", request));
    }

    /** {@code PUT /control/v1/node/{node_id}/drain}: starts moving attached shards to their secondaries. */
    public NodeOperationAnswer startDrain(NodeId nodeId) {
        return nodeOperation(withoutBody(ApiRequest.Method.PUT, ControllerPaths.node(nodeId) + "/drain"));
    }

    /** {@code DELETE /control/v1/node/{node_id}/drain}: the node returns to {@code Active}. */
    public NodeOperationAnswer cancelDrain(NodeId nodeId) {
        return nodeOperation(ApiRequest.delete(ControllerPaths.node(nodeId) + "/drain"));
    }

    /** {@code PUT /control/v1/node/{node_id}/fill}: starts moving shards back to a restarted node. */
    public NodeOperationAnswer startFill(NodeId nodeId) {
        return nodeOperation(withoutBody(ApiRequest.Method.PUT, ControllerPaths.node(nodeId) + "/fill"));
    }

    /** {@code DELETE /control/v1/node/{node_id}/fill}. */
    public NodeOperationAnswer cancelFill(NodeId nodeId) {
        return nodeOperation(ApiRequest.delete(ControllerPaths.node(nodeId) + "/fill"));
    }

    /**
     * {@code PUT /control/v1/node/{node_id}/delete}: moves the node's shards away, then removes it for good
     * (its id can never register again). Done when the node is gone from {@link #listNodes()}.
     *
     * @param force do not wait for the moved shards to reconcile
     */
    public NodeOperationAnswer startNodeDelete(NodeId nodeId, boolean force) {
        return nodeOperation(withoutBody(ApiRequest.Method.PUT, ControllerPaths.node(nodeId) + "/delete")
                .withQuery("force", Boolean.toString(force)));
    }

    /** {@code DELETE /control/v1/node/{node_id}/delete}: the node's policy returns to what it was. */
    public NodeOperationAnswer cancelNodeDelete(NodeId nodeId) {
        return nodeOperation(ApiRequest.delete(ControllerPaths.node(nodeId) + "/delete"));
    }

    // ---- safekeepers

    /** {@code POST /control/v1/safekeeper/{id}}: registers or updates a safekeeper (idempotent). */
    public void registerSafekeeper(SafekeeperRegistration registration) {
        transport.send(ApiRequest.post(ControllerPaths.safekeeper(registration.id()), registration));
    }

    /** {@code GET /control/v1/safekeeper}: every registered safekeeper, by id. */
    public List<RegisteredSafekeeper> listSafekeepers() {
        return transport.send(ApiRequest.get(ControllerPaths.SAFEKEEPERS), SAFEKEEPERS);
    }

    /** {@code GET /control/v1/safekeeper/{id}}; empty when it is not registered (404). */
    public Optional<RegisteredSafekeeper> safekeeper(NodeId id) {
        return absentOn404(() -> transport.send(ApiRequest.get(ControllerPaths.safekeeper(id)), RegisteredSafekeeper.class));
    }

    /** {@code POST /control/v1/safekeeper/{id}/scheduling_policy} (scope admin). */
    public void setSafekeeperSchedulingPolicy(NodeId id, SafekeeperSchedulingPolicy policy) {
        transport.send(ApiRequest.post(ControllerPaths.safekeeper(id) + "/scheduling_policy",
                new SafekeeperPolicyRequest(policy)));
    }

    record SafekeeperPolicyRequest(SafekeeperSchedulingPolicy schedulingPolicy) {
    }

    // ---- tenants

    /** {@code POST /v1/tenant}: creates the tenant, or returns the shards of the existing one. */
    public TenantCreateResponse createTenant(TenantCreateRequest request) {
        return transport.send(ApiRequest.post("/v1/tenant", request), TenantCreateResponse.class);
    }

    /** {@code GET /control/v1/tenant/{tenant_id}}; empty when the storage controller does not know it. */
    public Optional<TenantDescription> tenant(TenantId tenantId) {
        return absentOn404(() -> transport.send(ApiRequest.get(ControllerPaths.tenant(tenantId)), TenantDescription.class));
    }

    /** {@code GET /control/v1/tenant}: every tenant, by id. */
    public List<TenantDescription> listTenants() {
        return transport.send(ApiRequest.get(ControllerPaths.TENANTS), TENANTS);
    }

    /** {@code GET /control/v1/tenant?limit=..&start_after=..}: one page of tenants after {@code startAfter}. */
    public List<TenantDescription> listTenants(Optional<TenantId> startAfter, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("invalid page size " + limit + ": must be positive");
        }
        ApiRequest request = ApiRequest.get(ControllerPaths.TENANTS).withQuery("limit", Integer.toString(limit));
        return transport.send(startAfter.map(t -> request.withQuery("start_after", t.hex())).orElse(request), TENANTS);
    }

    /** {@code DELETE /v1/tenant/{tenant_id}}: detaches every shard and deletes the tenant's data. */
    public DeletionOutcome deleteTenant(TenantId tenantId) {
        return deletion(ApiRequest.delete(ApiPaths.tenant(tenantId)), REQUEST_TIMEOUT);
    }

    /** {@code PUT /v1/tenant/config}: replaces the tenant's whole configuration. */
    public void setTenantConfig(TenantConfigRequest request) {
        transport.send(ApiRequest.put("/v1/tenant/config", request));
    }

    /** {@code GET /v1/tenant/{tenant_id}/config}. */
    public TenantConfigResponse tenantConfig(TenantId tenantId) {
        return transport.send(ApiRequest.get(ApiPaths.tenant(tenantId) + "/config"), TenantConfigResponse.class);
    }

    /** {@code PUT /control/v1/tenant/{tenant_id}/policy} (scope admin). */
    public void setTenantPolicy(TenantId tenantId, TenantPolicyRequest request) {
        transport.send(ApiRequest.put(ControllerPaths.tenant(tenantId) + "/policy", request));
    }

    // ---- timelines, proxied to the pageserver holding shard 0

    /** {@code POST /v1/tenant/{tenant_id}/timeline}: creates it on every shard (idempotent). */
    public TimelineInfo createTimeline(TenantId tenantId, TimelineCreateRequest request) {
        return transport.send(ApiRequest.post(ApiPaths.tenant(tenantId) + "/timeline", request), TimelineInfo.class);
    }

    /** {@code GET /v1/tenant/{tenant_id}/timeline}. */
    public List<TimelineInfo> listTimelines(TenantId tenantId) {
        return transport.send(ApiRequest.get(ApiPaths.tenant(tenantId) + "/timeline"), TIMELINES);
    }

    /** {@code GET /v1/tenant/{tenant_id}/timeline/{timeline_id}}; empty when there is no such timeline. */
    public Optional<TimelineInfo> timeline(TenantId tenantId, TimelineId timelineId) {
        return absentOn404(() -> transport.send(ApiRequest.get(ApiPaths.timeline(tenantId, timelineId)), TimelineInfo.class));
    }

    /**
     * {@code GET /v1/tenant/{tenant_id}/timeline/{timeline_id}/get_lsn_by_timestamp?timestamp=..}: the LSN that shows
     * the timeline as it was at {@code at}, answered by the pageserver holding shard 0 (shard 0 holds the commit
     * records the answer is read from). The time is sent in UTC, RFC 3339.
     */
    public LsnByTimestamp lsnByTimestamp(TenantId tenantId, TimelineId timelineId, Instant at) {
        return transport.send(ApiRequest.get(ApiPaths.timeline(tenantId, timelineId) + "/get_lsn_by_timestamp")
                .withQuery("timestamp", at.toString()), LsnByTimestamp.class);
    }

    /**
     * {@code DELETE /v1/tenant/{tenant_id}/timeline/{timeline_id}}: the storage controller waits about 25 s
     * and answers 409 when the pageserver is not done yet.
     */
    public DeletionOutcome deleteTimeline(TenantId tenantId, TimelineId timelineId) {
        return deletion(ApiRequest.delete(ApiPaths.timeline(tenantId, timelineId)), CONFLICT);
    }

    private NodeOperationAnswer nodeOperation(ApiRequest request) {
        String endpoint = request.method() + " " + transport.uriOf(request);
        try {
            transport.send(request);
            return new NodeOperationAnswer(NodeOperationAnswer.Kind.ACCEPTED, endpoint, Optional.empty());
        } catch (NeonApiStatusException e) {
            return NodeOperationAnswer.kindOf(e.status(), e.serverMessage())
                    .map(kind -> new NodeOperationAnswer(kind, endpoint, e.serverMessage()))
                    .orElseThrow(() -> e);
        }
    }

    private DeletionOutcome deletion(ApiRequest request, int stillRunningStatus) {
        try {
            transport.send(request);
            return DeletionOutcome.DELETED;
        } catch (NeonApiStatusException e) {
            if (e.status() == NOT_FOUND) {
                return DeletionOutcome.NOT_FOUND;
            }
            if (e.status() == stillRunningStatus) {
                return DeletionOutcome.IN_PROGRESS;
            }
            throw e;
        }
    }

    private static <T> Optional<T> absentOn404(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (NeonApiStatusException e) {
            if (e.status() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // the drain, fill and delete endpoints take no body; ApiRequest.put always carries one
    private static ApiRequest withoutBody(ApiRequest.Method method, String path) {
        return new ApiRequest(method, path, Map.of(), Optional.empty());
    }
}

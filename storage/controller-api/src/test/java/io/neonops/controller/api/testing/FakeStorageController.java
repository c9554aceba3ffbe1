package io.neonops.controller.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.neonops.controller.api.ControllerPaths;
import io.neonops.controller.api.LsnByTimestamp;
import io.neonops.controller.api.NodeAvailability;
import io.neonops.controller.api.NodeConfigureRequest;
import io.neonops.controller.api.NodeRegisterRequest;
import io.neonops.controller.api.NodeSchedulingPolicy;
import io.neonops.controller.api.PageserverNode;
import io.neonops.controller.api.PlacementPolicy;
import io.neonops.controller.api.RegisteredSafekeeper;
import io.neonops.controller.api.SafekeeperRegistration;
import io.neonops.controller.api.SafekeeperSchedulingPolicy;
import io.neonops.controller.api.ShardParameters;
import io.neonops.controller.api.ShardSchedulingPolicy;
import io.neonops.controller.api.TenantConfig;
import io.neonops.controller.api.TenantConfigRequest;
import io.neonops.controller.api.TenantConfigResponse;
import io.neonops.controller.api.TenantCreateRequest;
import io.neonops.controller.api.TenantCreateResponse;
import io.neonops.controller.api.TenantDescription;
import io.neonops.controller.api.TenantPolicyRequest;
import io.neonops.controller.api.TenantShardId;
import io.neonops.controller.api.TimelineCreateRequest;
import io.neonops.controller.api.TimelineInfo;
import io.neonops.controller.api.TimelineState;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import io.neonops.storage.common.testing.FakeHttpServer.Answer;
import io.neonops.storage.common.testing.FakeHttpServer.RecordedRequest;
import io.neonops.storage.common.testing.JsonText;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * A storage controller in memory, speaking the HTTP API of {@code storage_controller} as
 * {@code ../shared/reference/neon/modern/storage-controller-api.md} describes it: health, the node
 * registry fed by the pageservers' re-attach upcall, safekeeper registration, tenants and timelines, and
 * the drain/fill/delete state machine with its documented answers.
 *
 * <p>Time is logical, so tests never sleep: background work (a running drain, fill or delete; a node's
 * first heartbeat after registration or re-attach; a safekeeper's activation) advances one step each time a
 * client reads nodes or safekeepers, or when a test calls {@link #advance()}. An operation completes at
 * its {@link #setObservationsPerOperation n-th} step (default 2: the first poll sees {@code Draining},
 * the second {@code PauseForRestart}). {@link #holdBackgroundWork()} freezes it.
 *
 * <p>Binds 127.0.0.1 on an ephemeral port (or the address given); close it after each test.
 */
public final class FakeStorageController implements AutoCloseable {

    /** What a fresh timeline's LSNs are, like a pageserver's right after {@code initdb}. */
    public static final Lsn INITDB_LSN = Lsn.parse("0/14EE150");
    public static final Lsn FIRST_RECORD_LSN = Lsn.parse("0/16B5A50");

    private static final String BEARER = "Bearer ";
    private static final Set<String> UNAUTHENTICATED = Set.of("/status", "/ready", "/live", "/metrics");
    private static final String NODE = "/control/v1/node/(\\d+)";
    private static final String TENANT = "/v1/tenant/([0-9a-f]{32})";
    private static final String TIMELINE = TENANT + "/timeline/([0-9a-f]{32})";

    private enum OperationKind {
        DRAIN("drain"), FILL("fill"), DELETE("delete");

        final String word;

        OperationKind(String word) {
            this.word = word;
        }
    }

    /** The one background operation the storage controller runs at a time, held only in memory. */
    private record Operation(OperationKind kind, NodeId node, int stepsLeft, NodeSchedulingPolicy policyBefore) {

        @Override
        public String toString() {
            return kind.word + " " + node;
        }
    }

    private record RegisteredNode(NodeRegisterRequest registration, NodeAvailability availability,
            NodeSchedulingPolicy scheduling) {

        PageserverNode describe() {
            return PageserverNode.registered(registration, availability, scheduling);
        }

        RegisteredNode with(NodeAvailability newAvailability) {
            return new RegisteredNode(registration, newAvailability, scheduling);
        }

        RegisteredNode with(NodeSchedulingPolicy newScheduling) {
            return new RegisteredNode(registration, availability, newScheduling);
        }

        boolean acceptsShards() {
            return availability == NodeAvailability.ACTIVE && scheduling.acceptsShards();
        }
    }

    /** One shard's locations; mutable, like the storage controller's database rows. */
    private static final class Shard {
        final TenantShardId id;
        Optional<NodeId> attached = Optional.empty();
        List<NodeId> secondaries = new ArrayList<>();
        long generation;
        Optional<String> preferredAz = Optional.empty();

        Shard(TenantShardId id) {
            this.id = id;
        }

        void promote(NodeId secondary) {
            secondaries.remove(secondary);
            attached.ifPresent(secondaries::add);
            attached = Optional.of(secondary);
            generation++;
        }
    }

    /** @param commits the commit times WAL recorded, by LSN, as a pageserver reads them for get_lsn_by_timestamp */
    private record Timeline(TimelineCreateRequest request, TimelineInfo info, NavigableMap<Instant, Lsn> commits) {

        Timeline(TimelineCreateRequest request, TimelineInfo info) {
            this(request, info, new TreeMap<>());
        }
    }

    private static final class Tenant {
        final TenantId id;
        final ShardParameters shardParameters;
        PlacementPolicy placement;
        ShardSchedulingPolicy scheduling = ShardSchedulingPolicy.ACTIVE;
        TenantConfig config;
        final List<Shard> shards = new ArrayList<>();
        final Map<TimelineId, Timeline> timelines = new LinkedHashMap<>();

        Tenant(TenantId id, ShardParameters shardParameters, PlacementPolicy placement, TenantConfig config) {
            this.id = id;
            this.shardParameters = shardParameters;
            this.placement = placement;
            this.config = config;
        }

        boolean movable() {
            return scheduling == ShardSchedulingPolicy.ACTIVE || scheduling == ShardSchedulingPolicy.ESSENTIAL;
        }
    }

    private final RoutedHttpServer server;
    // "the database": survives restart(), not loseDatabase()
    private final Map<NodeId, RegisteredNode> nodes = new TreeMap<>(Comparator.comparingLong(NodeId::value));
    private final Set<NodeId> tombstones = new HashSet<>();
    private final Map<NodeId, RegisteredSafekeeper> safekeepers = new TreeMap<>(Comparator.comparingLong(NodeId::value));
    private final Map<TenantId, Tenant> tenants = new TreeMap<>(Comparator.comparing(TenantId::hex));
    // memory only
    private Optional<Operation> operation = Optional.empty();
    private final Set<NodeId> unreachable = new HashSet<>();
    private final Set<String> unresolvableHosts = new HashSet<>();
    private boolean ready = true;
    private boolean backgroundWorkHeld;
    private boolean timelineDeletionsHeld;
    private int observationsPerOperation = 2;

    private FakeStorageController(InetSocketAddress address) {
        server = RoutedHttpServer.create("fake-storage-controller", this, address);
        server.route("GET", "/status", (r, p) -> FakeAnswers.json(200, null))
                .route("GET", "/ready", (r, p) -> FakeAnswers.json(ready ? 200 : 503, null))
                .route("POST", "/upcall/v1/re-attach", (r, p) -> reAttach(FakeAnswers.body(r, ReAttachRequest.class)))
                .route("POST", "/upcall/v1/validate", (r, p) -> validate(FakeAnswers.body(r, ValidateRequest.class)))
                .route("GET", ControllerPaths.NODES, (r, p) -> listNodes())
                .route("POST", ControllerPaths.NODES, (r, p) -> registerNode(FakeAnswers.body(r, NodeRegisterRequest.class)))
                .route("GET", NODE, (r, p) -> getNode(nodeId(p)))
                .route("PUT", NODE + "/config", this::configureNode)
                .route("PUT", NODE + "/drain", (r, p) -> startDrain(nodeId(p)))
                .route("DELETE", NODE + "/drain", (r, p) -> cancel(nodeId(p), OperationKind.DRAIN))
                .route("PUT", NODE + "/fill", (r, p) -> startFill(nodeId(p)))
                .route("DELETE", NODE + "/fill", (r, p) -> cancel(nodeId(p), OperationKind.FILL))
                .route("PUT", NODE + "/delete", (r, p) -> startDelete(nodeId(p)))
                .route("DELETE", NODE + "/delete", (r, p) -> cancel(nodeId(p), OperationKind.DELETE))
                .route("GET", ControllerPaths.SAFEKEEPERS, (r, p) -> listSafekeepers())
                .route("GET", ControllerPaths.SAFEKEEPERS + "/(\\d+)", (r, p) -> getSafekeeper(nodeId(p)))
                .route("POST", ControllerPaths.SAFEKEEPERS + "/(-?\\d+)", this::upsertSafekeeper)
                .route("POST", ControllerPaths.SAFEKEEPERS + "/(\\d+)/scheduling_policy", this::setSafekeeperPolicy)
                .route("POST", "/v1/tenant", this::createTenant)
                .route("GET", ControllerPaths.TENANTS, this::listTenants)
                .route("GET", ControllerPaths.TENANTS + "/([0-9a-f]{32})", (r, p) -> FakeAnswers.json(200, describe(tenant(p))))
                .route("PUT", ControllerPaths.TENANTS + "/([0-9a-f]{32})/policy", this::setTenantPolicy)
                .route("DELETE", TENANT, (r, p) -> deleteTenant(tenant(p)))
                .route("PUT", "/v1/tenant/config", this::setTenantConfig)
                .route("GET", TENANT + "/config", (r, p) -> tenantConfig(tenant(p)))
                .route("POST", TENANT + "/timeline", this::createTimeline)
                .route("GET", TENANT + "/timeline", (r, p) -> FakeAnswers.json(200, tenant(p).timelines.values().stream()
                        .map(t -> t.info().withoutSafekeepers()).toList()))
                .route("GET", TIMELINE, (r, p) -> FakeAnswers.json(200, timeline(tenant(p), p).info().withoutSafekeepers()))
                .route("DELETE", TIMELINE, this::deleteTimeline)
                .route("GET", TIMELINE + "/get_lsn_by_timestamp", this::lsnByTimestamp)
                .start();
    }

    public static FakeStorageController start() {
        return start(RoutedHttpServer.ephemeralLoopback());
    }

    /** Listening on {@code address}, as {@code storage_controller -l ADDRESS} does. */
    public static FakeStorageController start(InetSocketAddress address) {
        return new FakeStorageController(address);
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /** The {@code control_plane_api} a pageserver gets: the upcall prefix, with its trailing slash. */
    public URI upcallApi() {
        return URI.create(baseUri() + "/upcall/v1/");
    }

    // ---- test hooks

    /** Every request so far, in order. */
    public List<RecordedRequest> requests() {
        return server.requests();
    }

    /** The requests as {@code "METHOD /path[?query]"}, in order. */
    public List<String> calls() {
        return server.calls();
    }

    /** Forgets the requests so far: {@link #requests()} and {@link #calls()} start again from the next one. */
    public void clearCalls() {
        server.clearRequests();
    }

    /** Whether a bearer token may call a path, as the storage controller decides from the token's scope. */
    @FunctionalInterface
    public interface TokenPolicy {
        boolean accepts(String path, String token);
    }

    /** From now on every route but health and metrics needs {@code Authorization: Bearer <token>}. */
    public void requireToken(String token) {
        requireTokens((path, presented) -> presented.equals(token));
    }

    /**
     * From now on every route but health and metrics needs a token: {@code adminToken} (scope {@code admin}) passes
     * every route, {@code upcallToken} (scope {@code generations_api}) only the pageservers' upcalls.
     */
    public void requireTokens(String adminToken, String upcallToken) {
        requireTokens((path, presented) -> presented.equals(adminToken)
                || (path.startsWith("/upcall/") && presented.equals(upcallToken)));
    }

    /**
     * From now on every route but health and metrics needs a bearer token that {@code policy} accepts for the path:
     * none is 401, one refused 403, with the storage controller's messages.
     */
    public void requireTokens(TokenPolicy policy) {
        server.guard(request -> {
            if (UNAUTHENTICATED.contains(request.path())) {
                return Optional.empty();
            }
            String header = request.header("Authorization");
            if (header == null) {
                return Optional.of(FakeAnswers.error(401, "Unauthorized: missing authorization header"));
            }
            boolean accepted = header.startsWith(BEARER) && policy.accepts(request.path(), header.substring(BEARER.length()));
            return accepted ? Optional.empty() : Optional.of(FakeAnswers.error(403, "Forbidden: JWT authentication error"));
        });
    }

    /** The next {@code method} request on a path matching {@code pathRegex} fails with {@code status} and {@code message}. */
    public void failNext(String method, String pathRegex, int status, String message) {
        server.failNext(method, pathRegex, FakeAnswers.error(status, message));
    }

    /** Every such request fails until {@link #clearFailures()}, e.g. a storage controller that lost its database. */
    public void failAlways(String method, String pathRegex, int status, String message) {
        server.failAlways(method, pathRegex, FakeAnswers.error(status, message));
    }

    public void clearFailures() {
        server.clearFailures();
    }

    /** {@code GET /ready} answers 503 while false, as during startup reconciliation. */
    public synchronized void setReady(boolean isReady) {
        this.ready = isReady;
    }

    /** How many steps a drain, fill or delete takes; at least 1. */
    public synchronized void setObservationsPerOperation(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("an operation takes at least one step, got " + steps);
        }
        this.observationsPerOperation = steps;
    }

    /** Freezes background work: operations keep running, nodes keep warming up, until released. */
    public synchronized void holdBackgroundWork() {
        backgroundWorkHeld = true;
    }

    public synchronized void releaseBackgroundWork() {
        backgroundWorkHeld = false;
    }

    /** One step of background work, as a client's poll would make. */
    public synchronized void advance() {
        if (backgroundWorkHeld) {
            return;
        }
        nodes.replaceAll((id, node) -> node.with(unreachable.contains(id) ? NodeAvailability.OFFLINE : NodeAvailability.ACTIVE));
        safekeepers.replaceAll((id, sk) -> sk.schedulingPolicy() == SafekeeperSchedulingPolicy.ACTIVATING
                ? sk.withSchedulingPolicy(SafekeeperSchedulingPolicy.ACTIVE) : sk);
        operation.ifPresent(op -> {
            if (op.stepsLeft() > 1) {
                operation = Optional.of(new Operation(op.kind(), op.node(), op.stepsLeft() - 1, op.policyBefore()));
            } else {
                operation = Optional.empty();
                complete(op);
            }
        });
    }

    /**
     * A restart of the storage controller: what it keeps in its database (nodes with their scheduling
     * policies, safekeepers, tenants) survives, the running background operation does not. A node that was
     * draining stays {@code Draining} with nothing running.
     */
    public synchronized void restart() {
        operation = Optional.empty();
    }

    /** The storage controller's database is gone: no nodes, safekeepers or tenants. */
    public synchronized void loseDatabase() {
        operation = Optional.empty();
        nodes.clear();
        tombstones.clear();
        safekeepers.clear();
        tenants.clear();
    }

    /** The node stops answering heartbeats: it goes {@code Offline} at the next step. */
    public synchronized void markUnreachable(NodeId node) {
        unreachable.add(node);
    }

    public synchronized void markReachable(NodeId node) {
        unreachable.remove(node);
    }

    /** Registering a pageserver whose HTTP host is {@code host} fails with 503, like an unresolvable DNS name. */
    public synchronized void refuseToResolve(String host) {
        unresolvableHosts.add(host);
    }

    /** While held, timeline deletions answer 409 (still running after the storage controller's wait). */
    public synchronized void holdTimelineDeletions(boolean held) {
        timelineDeletionsHeld = held;
    }

    /** Moves a timeline's last record (and disk-consistent) LSN on, as WAL arriving would. */
    public synchronized void setLastRecordLsn(TenantId tenantId, TimelineId timelineId, Lsn lsn) {
        Tenant tenant = requireTenant(tenantId);
        Timeline t = requireTimeline(tenant, timelineId);
        TimelineInfo i = t.info();
        tenant.timelines.put(timelineId, new Timeline(t.request(), new TimelineInfo(i.tenantId(), i.timelineId(),
                i.ancestorTimelineId(), i.ancestorLsn(), lsn, i.prevRecordLsn(), lsn, Optional.of(lsn), Optional.of(lsn),
                i.appliedGcCutoffLsn(), i.minReadableLsn(), i.currentLogicalSize(), i.pgVersion(), i.state(), i.safekeepers()),
                t.commits()));
    }

    /**
     * A commit at {@code at} whose record ends at {@code lsn}: the timeline's last record moves there, and
     * get_lsn_by_timestamp finds it.
     */
    public synchronized void commit(TenantId tenantId, TimelineId timelineId, Instant at, Lsn lsn) {
        setLastRecordLsn(tenantId, timelineId, lsn);
        requireTimeline(requireTenant(tenantId), timelineId).commits().put(at, lsn);
    }

    // ---- observations

    public synchronized Optional<PageserverNode> node(NodeId id) {
        return Optional.ofNullable(nodes.get(id)).map(RegisteredNode::describe);
    }

    public synchronized List<PageserverNode> nodes() {
        return nodes.values().stream().map(RegisteredNode::describe).toList();
    }

    public synchronized List<RegisteredSafekeeper> safekeepers() {
        return List.copyOf(safekeepers.values());
    }

    public synchronized Optional<TenantDescription> tenant(TenantId id) {
        return Optional.ofNullable(tenants.get(id)).map(FakeStorageController::describe);
    }

    /** The running background operation, e.g. {@code "drain 1"}. */
    public synchronized Optional<String> runningOperation() {
        return operation.map(Operation::toString);
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- upcalls

    private Answer reAttach(ReAttachRequest request) {
        NodeId id = request.nodeId();
        if (tombstones.contains(id)) {
            throw new Refusal(409, "Node " + id + " is marked as deleted, re-attach is not allowed");
        }
        request.register().ifPresent(this::register);
        RegisteredNode node = nodes.get(id);
        if (node == null) {
            return FakeAnswers.json(200, new ReAttachResponse(List.of()));
        }
        operation.filter(op -> op.node().equals(id)).ifPresent(op -> operation = Optional.empty());
        NodeSchedulingPolicy policy = node.scheduling() == NodeSchedulingPolicy.PAUSE ? NodeSchedulingPolicy.PAUSE
                : NodeSchedulingPolicy.ACTIVE;
        nodes.put(id, node.with(policy).with(NodeAvailability.WARMING_UP));
        List<ReAttachResponse.Location> locations = new ArrayList<>();
        for (Tenant tenant : tenants.values()) {
            for (Shard shard : tenant.shards) {
                if (shard.attached.filter(id::equals).isPresent()) {
                    shard.generation++;
                    locations.add(new ReAttachResponse.Location(shard.id, Optional.of(shard.generation),
                            ReAttachResponse.Mode.ATTACHED_SINGLE, Optional.of(tenant.shardParameters.stripeSize())));
                } else if (shard.secondaries.contains(id)) {
                    locations.add(new ReAttachResponse.Location(shard.id, Optional.empty(), ReAttachResponse.Mode.SECONDARY,
                            Optional.of(tenant.shardParameters.stripeSize())));
                }
            }
        }
        return FakeAnswers.json(200, new ReAttachResponse(locations));
    }

    private Answer validate(ValidateRequest request) {
        List<ValidateResponse.Shard> answers = request.tenants().stream()
                .map(s -> new ValidateResponse.Shard(s.id(), shard(s.id()).filter(found -> found.generation == s.gen()).isPresent()))
                .toList();
        return FakeAnswers.json(200, new ValidateResponse(answers));
    }

    // ---- nodes

    private void register(NodeRegisterRequest request) {
        NodeId id = request.nodeId();
        if (tombstones.contains(id)) {
            throw new Refusal(409, "Node " + id + " is already exists");
        }
        if (unresolvableHosts.contains(request.listenHttpAddr())) {
            throw new Refusal(503, "Node " + id + " registration: failed to resolve " + request.listenHttpAddr());
        }
        RegisteredNode known = nodes.get(id);
        if (known == null) {
            nodes.put(id, new RegisteredNode(request, NodeAvailability.OFFLINE, NodeSchedulingPolicy.ACTIVE));
        } else if (!known.registration().sameAddressesAs(request)) {
            throw new Refusal(409, "Node is already registered with different address");
        } else {
            nodes.put(id, new RegisteredNode(request, known.availability(), known.scheduling()));
        }
    }

    private Answer registerNode(NodeRegisterRequest request) {
        register(request);
        return FakeAnswers.json(200, null);
    }

    private Answer listNodes() {
        advance();
        return FakeAnswers.json(200, nodes());
    }

    private Answer getNode(NodeId id) {
        advance();
        return FakeAnswers.json(200, requireNode(id).describe());
    }

    private Answer configureNode(RecordedRequest request, Matcher path) {
        NodeId id = nodeId(path);
        NodeConfigureRequest body = FakeAnswers.body(request, NodeConfigureRequest.class);
        if (!body.nodeId().equals(id)) {
            throw new Refusal(400, "Path and body node_id differ");
        }
        RegisteredNode node = requireNode(id);
        operation.ifPresent(op -> {
            throw new Refusal(412, "Ongoing background operation forbids configuring: " + op);
        });
        RegisteredNode updated = body.availability().map(node::with).orElse(node);
        nodes.put(id, body.scheduling().map(updated::with).orElse(updated));
        return FakeAnswers.json(200, null);
    }

    private Answer startDrain(NodeId id) {
        RegisteredNode node = requireNoOperation(id);
        if (nodes.values().stream().noneMatch(RegisteredNode::acceptsShards)) {
            throw new Refusal(412, "No other schedulable nodes to drain to");
        }
        return begin(node, OperationKind.DRAIN, NodeSchedulingPolicy.DRAINING);
    }

    private Answer startFill(NodeId id) {
        RegisteredNode node = requireNoOperation(id);
        if (nodes.size() < 2) {
            throw new Refusal(412, "No other nodes to fill from");
        }
        return begin(node, OperationKind.FILL, NodeSchedulingPolicy.FILLING);
    }

    private Answer startDelete(NodeId id) {
        RegisteredNode node = requireNode(id);
        operation.ifPresent(op -> {
            throw new Refusal(412, "Background operation already ongoing for node: " + op);
        });
        if (node.scheduling() == NodeSchedulingPolicy.DELETING) {
            throw new Refusal(409, "Node " + id + " has delete in progress");
        }
        if (node.scheduling() != NodeSchedulingPolicy.ACTIVE && node.scheduling() != NodeSchedulingPolicy.PAUSE) {
            throw new Refusal(412, "Node " + id + " cannot be deleted due to " + wireName(node.scheduling()) + " policy");
        }
        boolean holdsShards = allShards().anyMatch(s -> s.attached.filter(id::equals).isPresent());
        boolean elsewhere = nodes.entrySet().stream().anyMatch(e -> !e.getKey().equals(id) && e.getValue().acceptsShards());
        if (holdsShards && !elsewhere) {
            throw new Refusal(412, "No other schedulable nodes to move shards");
        }
        operation = Optional.of(new Operation(OperationKind.DELETE, id, observationsPerOperation, node.scheduling()));
        nodes.put(id, node.with(NodeSchedulingPolicy.DELETING));
        return FakeAnswers.json(200, null);
    }

    /** The checks drain and fill share, in the storage controller's order. */
    private RegisteredNode requireNoOperation(NodeId id) {
        RegisteredNode node = requireNode(id);
        operation.ifPresent(op -> {
            throw new Refusal(412, "Background operation already ongoing for node: " + op);
        });
        if (node.availability() != NodeAvailability.ACTIVE) {
            throw new Refusal(503, "Node " + id + " is currently unavailable");
        }
        return node;
    }

    private Answer begin(RegisteredNode node, OperationKind kind, NodeSchedulingPolicy running) {
        NodeId id = node.registration().nodeId();
        if (node.scheduling() == running) {
            throw new Refusal(409, "Node " + id + " has " + kind.word + " in progress");
        }
        if (node.scheduling() != NodeSchedulingPolicy.ACTIVE) {
            throw new Refusal(412, "Node " + id + " cannot be " + (kind == OperationKind.DRAIN ? "drained" : "filled")
                    + " due to " + wireName(node.scheduling()) + " policy");
        }
        operation = Optional.of(new Operation(kind, id, observationsPerOperation, node.scheduling()));
        nodes.put(id, node.with(running));
        return FakeAnswers.json(202, null);
    }

    private Answer cancel(NodeId id, OperationKind kind) {
        RegisteredNode node = requireNode(id);
        if (kind != OperationKind.DELETE && node.availability() != NodeAvailability.ACTIVE) {
            throw new Refusal(503, "Node " + id + " is currently unavailable");
        }
        Operation running = operation.filter(op -> op.kind() == kind && op.node().equals(id))
                .orElseThrow(() -> new Refusal(412, "Node " + id + " has no " + kind.word + " in progress"));
        operation = Optional.empty();
        nodes.put(id, node.with(kind == OperationKind.DELETE ? running.policyBefore() : NodeSchedulingPolicy.ACTIVE));
        return FakeAnswers.json(202, null);
    }

    private void complete(Operation op) {
        RegisteredNode node = nodes.get(op.node());
        if (node == null) {
            return;
        }
        switch (op.kind()) {
            case DRAIN -> {
                movableShards().filter(s -> s.attached.filter(op.node()::equals).isPresent())
                        .forEach(s -> s.secondaries.stream().filter(this::acceptsShards).findFirst().ifPresent(s::promote));
                nodes.put(op.node(), node.with(NodeSchedulingPolicy.PAUSE_FOR_RESTART));
            }
            case FILL -> {
                long attachedShards = allShards().filter(s -> s.attached.isPresent()).count();
                long schedulable = Math.max(1, nodes.values().stream().filter(RegisteredNode::acceptsShards).count());
                long fairShare = (attachedShards + schedulable - 1) / schedulable;
                movableShards().filter(s -> s.secondaries.contains(op.node()))
                        .filter(s -> attachedTo(op.node()) < fairShare)
                        .forEach(s -> s.promote(op.node()));
                nodes.put(op.node(), node.with(NodeSchedulingPolicy.ACTIVE));
            }
            case DELETE -> {
                nodes.remove(op.node());
                tombstones.add(op.node());
                for (Tenant tenant : tenants.values()) {
                    for (Shard shard : tenant.shards) {
                        shard.secondaries.remove(op.node());
                        if (shard.attached.filter(op.node()::equals).isPresent()) {
                            shard.attached = Optional.empty();
                            shard.secondaries.stream().filter(this::acceptsShards).findFirst()
                                    .or(() -> leastLoaded(List.of()))
                                    .ifPresent(shard::promote);
                        }
                    }
                }
            }
        }
    }

    private Stream<Shard> allShards() {
        return tenants.values().stream().flatMap(t -> t.shards.stream());
    }

    private Stream<Shard> movableShards() {
        return tenants.values().stream().filter(Tenant::movable).flatMap(t -> t.shards.stream());
    }

    private boolean acceptsShards(NodeId id) {
        return Optional.ofNullable(nodes.get(id)).filter(RegisteredNode::acceptsShards).isPresent();
    }

    private long attachedTo(NodeId id) {
        return allShards().filter(s -> s.attached.filter(id::equals).isPresent()).count();
    }

    /** The schedulable node with the fewest attached shards, other than {@code excluded}. */
    private Optional<NodeId> leastLoaded(List<NodeId> excluded) {
        return nodes.entrySet().stream()
                .filter(e -> e.getValue().acceptsShards() && !excluded.contains(e.getKey()))
                .map(Map.Entry::getKey)
                .min(Comparator.comparingLong(this::attachedTo).thenComparingLong(NodeId::value));
    }

    private RegisteredNode requireNode(NodeId id) {
        RegisteredNode node = nodes.get(id);
        if (node == null) {
            throw new Refusal(404, "Node " + id + " not registered");
        }
        return node;
    }

    private static NodeId nodeId(Matcher path) {
        return NodeId.of(Long.parseLong(path.group(1)));
    }

    private static String wireName(Enum<?> value) {
        return JsonText.write(value).replace("\"", "");
    }

    // ---- safekeepers

    private Answer upsertSafekeeper(RecordedRequest request, Matcher path) {
        long pathId = Long.parseLong(path.group(1));
        JsonNode sent = JsonText.tree(request.body());
        if (!sent.path("id").canConvertToLong() || sent.path("id").longValue() != pathId) {
            throw new Refusal(400, "id mismatch: url=" + pathId + ", body=" + sent.path("id"));
        }
        SafekeeperRegistration registration = FakeAnswers.body(request, SafekeeperRegistration.class);
        SafekeeperSchedulingPolicy policy = Optional.ofNullable(safekeepers.get(registration.id()))
                .map(RegisteredSafekeeper::schedulingPolicy).orElse(SafekeeperSchedulingPolicy.ACTIVATING);
        safekeepers.put(registration.id(), new RegisteredSafekeeper(registration, policy));
        return FakeAnswers.empty(204);
    }

    private Answer listSafekeepers() {
        advance();
        return FakeAnswers.json(200, safekeepers());
    }

    private Answer getSafekeeper(NodeId id) {
        advance();
        return FakeAnswers.json(200, Optional.ofNullable(safekeepers.get(id))
                .orElseThrow(() -> new Refusal(404, "unknown instance id")));
    }

    private Answer setSafekeeperPolicy(RecordedRequest request, Matcher path) {
        NodeId id = nodeId(path);
        RegisteredSafekeeper known = safekeepers.get(id);
        if (known == null) {
            throw new Refusal(500, "unexpected number of rows (0)");
        }
        JsonNode policy = JsonText.tree(request.body()).path("scheduling_policy");
        safekeepers.put(id, known.withSchedulingPolicy(JsonText.read(policy.toString(), SafekeeperSchedulingPolicy.class)));
        return FakeAnswers.json(200, null);
    }

    // ---- tenants

    private Answer createTenant(RecordedRequest request, Matcher path) {
        TenantCreateRequest create = FakeAnswers.body(request, TenantCreateRequest.class);
        refuseUnknownFields(request, create);
        Tenant existing = tenants.get(create.newTenantId());
        if (existing != null) {
            return FakeAnswers.json(201, createdShards(existing));
        }
        Tenant tenant = new Tenant(create.newTenantId(), create.effectiveShardParameters(), create.effectivePlacementPolicy(),
                create.config());
        tenants.put(tenant.id, tenant);
        ShardParameters params = tenant.shardParameters;
        for (int number = 0; number < params.effectiveCount(); number++) {
            Shard shard = new Shard(new TenantShardId(tenant.id, number, params.count()));
            tenant.shards.add(shard);
            schedule(tenant, shard);
        }
        List<String> unscheduled = tenant.shards.stream().filter(s -> !fullyScheduled(tenant, s)).map(s -> s.id.toString()).toList();
        if (!unscheduled.isEmpty()) {
            throw new Refusal(409, "Failed to schedule shard(s): " + String.join(", ", unscheduled)
                    + ": not enough schedulable pageservers for placement " + JsonText.write(tenant.placement));
        }
        return FakeAnswers.json(201, createdShards(tenant));
    }

    private void schedule(Tenant tenant, Shard shard) {
        if (tenant.placement instanceof PlacementPolicy.Attached attached) {
            if (shard.attached.isEmpty()) {
                shard.attached = leastLoaded(shard.secondaries);
                shard.attached.ifPresent(node -> {
                    shard.generation++;
                    shard.preferredAz = Optional.of(nodes.get(node).registration().availabilityZoneId());
                });
            }
            while (shard.secondaries.size() > attached.secondaries()) {
                shard.secondaries.remove(shard.secondaries.size() - 1);
            }
            addSecondaries(shard, attached.secondaries());
        } else {
            shard.attached = Optional.empty();
            shard.secondaries.clear();
            addSecondaries(shard, tenant.placement instanceof PlacementPolicy.Secondary ? 1 : 0);
        }
    }

    private void addSecondaries(Shard shard, int wanted) {
        while (shard.secondaries.size() < wanted) {
            List<NodeId> taken = new ArrayList<>(shard.secondaries);
            shard.attached.ifPresent(taken::add);
            Optional<NodeId> next = leastLoaded(taken);
            if (next.isEmpty()) {
                return;
            }
            shard.secondaries.add(next.get());
        }
    }

    private static boolean fullyScheduled(Tenant tenant, Shard shard) {
        return tenant.placement instanceof PlacementPolicy.Attached a
                ? shard.attached.isPresent() && shard.secondaries.size() == a.secondaries()
                : shard.secondaries.size() == (tenant.placement instanceof PlacementPolicy.Secondary ? 1 : 0);
    }

    private static TenantCreateResponse createdShards(Tenant tenant) {
        return new TenantCreateResponse(tenant.shards.stream().filter(s -> s.attached.isPresent())
                .map(s -> new TenantCreateResponse.Shard(s.id, s.attached.get(), s.generation)).toList());
    }

    private Answer listTenants(RecordedRequest request, Matcher path) {
        Map<String, String> query = query(request);
        Optional<String> after = Optional.ofNullable(query.get("start_after"));
        long limit = Optional.ofNullable(query.get("limit")).map(Long::parseLong).orElse(Long.MAX_VALUE);
        return FakeAnswers.json(200, tenants.values().stream()
                .filter(t -> after.filter(a -> t.id.hex().compareTo(a) <= 0).isEmpty())
                .limit(limit)
                .map(FakeStorageController::describe)
                .toList());
    }

    private static TenantDescription describe(Tenant tenant) {
        return new TenantDescription(tenant.id, tenant.shards.stream()
                .map(s -> new TenantDescription.Shard(s.id, s.attached, List.copyOf(s.secondaries), "", false, false, false,
                        tenant.scheduling, s.preferredAz))
                .toList(), tenant.shardParameters.stripeSize(), tenant.placement, tenant.config);
    }

    private Answer setTenantPolicy(RecordedRequest request, Matcher path) {
        Tenant tenant = tenant(path);
        TenantPolicyRequest policy = FakeAnswers.body(request, TenantPolicyRequest.class);
        policy.scheduling().ifPresent(s -> tenant.scheduling = s);
        policy.placement().ifPresent(p -> {
            tenant.placement = p;
            tenant.shards.forEach(shard -> schedule(tenant, shard));
        });
        return FakeAnswers.json(200, null);
    }

    private Answer deleteTenant(Tenant tenant) {
        tenants.remove(tenant.id);
        return FakeAnswers.json(200, null);
    }

    private Answer setTenantConfig(RecordedRequest request, Matcher path) {
        TenantConfigRequest config = FakeAnswers.body(request, TenantConfigRequest.class);
        refuseUnknownFields(request, config);
        requireTenant(config.tenantId()).config = config.config();
        return FakeAnswers.json(200, null);
    }

    private Answer tenantConfig(Tenant tenant) {
        return FakeAnswers.json(200, new TenantConfigResponse(tenant.config, tenant.config));
    }

    /** The storage controller refuses fields its request types do not have ({@code deny_unknown_fields}). */
    private static void refuseUnknownFields(RecordedRequest request, Object parsed) {
        JsonNode known = JsonText.tree(JsonText.write(parsed));
        JsonText.tree(request.body()).properties().stream()
                .filter(field -> !field.getValue().isNull() && !known.has(field.getKey()))
                .findFirst()
                .ifPresent(field -> {
                    throw new Refusal(400, "Bad request: unknown field `" + field.getKey() + "`");
                });
    }

    private Tenant tenant(Matcher path) {
        return requireTenant(TenantId.of(path.group(1)));
    }

    private Tenant requireTenant(TenantId id) {
        Tenant tenant = tenants.get(id);
        if (tenant == null) {
            throw new Refusal(404, "Tenant " + id + " not found");
        }
        return tenant;
    }

    private Optional<Shard> shard(TenantShardId id) {
        return Optional.ofNullable(tenants.get(id.tenantId()))
                .flatMap(t -> t.shards.stream().filter(s -> s.id.equals(id)).findFirst());
    }

    // ---- timelines

    private Answer createTimeline(RecordedRequest request, Matcher path) {
        Tenant tenant = tenant(path);
        TimelineCreateRequest create = FakeAnswers.body(request, TimelineCreateRequest.class);
        if (tenant.shards.stream().anyMatch(s -> s.attached.isEmpty())) {
            throw new Refusal(503, "One or more shards in tenant is not yet attached");
        }
        Timeline existing = tenant.timelines.get(create.newTimelineId());
        if (existing != null) {
            if (!existing.request().equals(create)) {
                throw new Refusal(409, "Timeline " + create.newTimelineId() + " already exists with different parameters");
            }
            return FakeAnswers.json(201, existing.info());
        }
        TimelineInfo info = create instanceof TimelineCreateRequest.Branch branch ? branchInfo(tenant, branch)
                : timelineInfo(tenant, create.newTimelineId(), Optional.empty(), FIRST_RECORD_LSN,
                        ((TimelineCreateRequest.Bootstrap) create).pgVersion().major());
        tenant.timelines.put(create.newTimelineId(), new Timeline(create, info));
        return FakeAnswers.json(201, info);
    }

    private TimelineInfo branchInfo(Tenant tenant, TimelineCreateRequest.Branch branch) {
        Timeline ancestor = tenant.timelines.get(branch.ancestorTimelineId());
        if (ancestor == null) {
            throw new Refusal(409, "Ancestor timeline " + branch.ancestorTimelineId() + " not found");
        }
        Lsn branchPoint = branch.ancestorStartLsn().orElse(ancestor.info().lastRecordLsn());
        if (branchPoint.compareTo(ancestor.info().lastRecordLsn()) > 0) {
            throw new Refusal(409, "invalid start lsn " + branchPoint + " for ancestor timeline "
                    + branch.ancestorTimelineId() + ": beyond its last record " + ancestor.info().lastRecordLsn());
        }
        return timelineInfo(tenant, branch.newTimelineId(), Optional.of(new BranchPoint(branch.ancestorTimelineId(), branchPoint)),
                branchPoint, ancestor.info().pgVersion().orElseThrow());
    }

    private record BranchPoint(TimelineId ancestor, Lsn lsn) {
    }

    private static TimelineInfo timelineInfo(Tenant tenant, TimelineId id, Optional<BranchPoint> branchPoint, Lsn lastRecord,
            int pgMajor) {
        Optional<Lsn> ancestorLsn = branchPoint.map(BranchPoint::lsn);
        return new TimelineInfo(tenant.shards.get(0).id, id, branchPoint.map(BranchPoint::ancestor), ancestorLsn,
                lastRecord, Optional.empty(), lastRecord, Optional.of(lastRecord), Optional.of(lastRecord), Optional.of(INITDB_LSN),
                ancestorLsn.or(() -> Optional.of(INITDB_LSN)), Optional.of(0L), Optional.of(pgMajor), TimelineState.ACTIVE,
                Optional.empty());
    }

    private Timeline timeline(Tenant tenant, Matcher path) {
        return requireTimeline(tenant, TimelineId.of(path.group(2)));
    }

    private static Timeline requireTimeline(Tenant tenant, TimelineId id) {
        Timeline timeline = tenant.timelines.get(id);
        if (timeline == null) {
            throw new Refusal(404, "Timeline " + tenant.id + "/" + id + " was not found");
        }
        return timeline;
    }

    /**
     * As a pageserver answers: the last commit at or before the time ({@code present}); after the last commit,
     * the last record ({@code future}); before the first one, {@code past}; no commit at all, {@code nodata}.
     */
    private Answer lsnByTimestamp(RecordedRequest request, Matcher path) {
        Timeline timeline = timeline(tenant(path), path);
        String timestamp = query(request).get("timestamp");
        if (timestamp == null) {
            throw new Refusal(400, "Bad request: missing query parameter timestamp");
        }
        Instant at;
        try {
            at = Instant.parse(URLDecoder.decode(timestamp, StandardCharsets.UTF_8));
        } catch (DateTimeParseException e) {
            throw new Refusal(400, "Bad request: invalid timestamp " + timestamp);
        }
        NavigableMap<Instant, Lsn> commits = timeline.commits();
        if (commits.isEmpty()) {
            return FakeAnswers.json(200, new LsnByTimestamp(timeline.info().lastRecordLsn(), LsnByTimestamp.Kind.NODATA));
        }
        Map.Entry<Instant, Lsn> atOrBefore = commits.floorEntry(at);
        if (atOrBefore == null) {
            return FakeAnswers.json(200, new LsnByTimestamp(commits.firstEntry().getValue(), LsnByTimestamp.Kind.PAST));
        }
        if (atOrBefore.getKey().equals(commits.lastKey())) {
            return FakeAnswers.json(200, new LsnByTimestamp(timeline.info().lastRecordLsn(), LsnByTimestamp.Kind.FUTURE));
        }
        return FakeAnswers.json(200, new LsnByTimestamp(atOrBefore.getValue(), LsnByTimestamp.Kind.PRESENT));
    }

    private static Map<String, String> query(RecordedRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : request.query().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return query;
    }

    private Answer deleteTimeline(RecordedRequest request, Matcher path) {
        Tenant tenant = tenant(path);
        TimelineId id = TimelineId.of(path.group(2));
        List<String> children = tenant.timelines.values().stream()
                .filter(t -> t.info().ancestorTimelineId().filter(id::equals).isPresent())
                .map(t -> t.info().timelineId().hex()).toList();
        if (!children.isEmpty()) {
            throw new Refusal(412, "Cannot delete timeline which has child timelines: " + children);
        }
        if (timelineDeletionsHeld && tenant.timelines.containsKey(id)) {
            throw Refusal.withNullBody(409, "deletion still running");
        }
        tenant.timelines.remove(id);
        return FakeAnswers.json(200, null);
    }
}

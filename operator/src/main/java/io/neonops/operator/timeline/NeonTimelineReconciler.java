package io.neonops.operator.timeline;

import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.neonops.controller.api.DeletionOutcome;
import io.neonops.controller.api.LsnByTimestamp;
import io.neonops.controller.api.TimelineCreateRequest;
import io.neonops.controller.api.TimelineInfo;
import io.neonops.operator.cluster.DeletionPolicy;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.pageserver.PageserverApiTokens;
import io.neonops.operator.reconcile.ClusterEvents;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.tenant.Claims;
import io.neonops.operator.tenant.DesiredTenant;
import io.neonops.operator.tenant.InvalidTenantException;
import io.neonops.operator.tenant.NeonTenant;
import io.neonops.operator.tenant.RetryBackoff;
import io.neonops.operator.tenant.StatusWrites;
import io.neonops.operator.tenant.TenancyApi;
import io.neonops.operator.tenant.TenancyEvents;
import io.neonops.operator.tenant.TenantCluster;
import io.neonops.operator.tenant.TenantSettings;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import io.neonops.storage.common.api.NeonApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reconciles a NeonTimeline through its tenant's cluster's {@link TenancyApi} (the storage controller, or the
 * pageserver holding the tenant on a 2022 etcd-topology cluster): adopts the timeline with its id
 * or creates it (a root timeline, or a branch of its parent at an LSN, at a time, or at the parent's last record),
 * refreshes LSNs, size and state at {@link TenantSettings#refresh()} (writing the status only when it changed), and
 * on deletion deletes it in Neon only under {@code deletionPolicy: Delete}, never while it has children.
 */
public final class NeonTimelineReconciler implements Reconciler<NeonTimeline>, Cleaner<NeonTimeline> {

    public static final String ACTIVE = "Active";
    public static final String NOT_ACTIVE = "NotActive";
    public static final String TENANT_NOT_FOUND = "TenantNotFound";
    public static final String TENANT_NOT_READY = "TenantNotReady";
    public static final String PARENT_NOT_FOUND = "ParentNotFound";
    public static final String PARENT_NOT_READY = "ParentNotReady";
    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String BRANCH_POINT_NOT_FOUND = "BranchPointNotFound";
    public static final String TIMELINE_ID_IN_USE = "TimelineIdInUse";
    public static final String HAS_CHILDREN = "HasChildren";
    public static final String STORAGE_CONTROLLER_ERROR = "StorageControllerError";
    public static final String DELETING = "Deleting";
    public static final String EXISTING_DIFFERS = "ExistingTimelineDiffers";

    private final TenantSettings settings;
    private final RetryBackoff backoff = new RetryBackoff();
    private InformerEventSource<NeonTenant, NeonTimeline> tenants;
    private InformerEventSource<NeonCluster, NeonTimeline> clusters;

    public NeonTimelineReconciler(TenantSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<EventSource<?, NeonTimeline>> prepareEventSources(EventSourceContext<NeonTimeline> context) {
        // a tenant's change (Ready at last, deleted) reaches its timelines
        tenants = new InformerEventSource<>(InformerEventSourceConfiguration.from(NeonTenant.class, NeonTimeline.class)
                .withSecondaryToPrimaryMapper(tenant -> context.getPrimaryCache()
                        .list(tenant.getMetadata().getNamespace(),
                                t -> t.getSpec() != null && tenant.getMetadata().getName().equals(t.getSpec().getTenant()))
                        .map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build(), context);
        // a cluster's change (its Postgres majors, Ready) reaches the timelines of its namespace
        clusters = new InformerEventSource<>(InformerEventSourceConfiguration.from(NeonCluster.class, NeonTimeline.class)
                .withSecondaryToPrimaryMapper(cluster -> context.getPrimaryCache()
                        .list(cluster.getMetadata().getNamespace()).map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build(), context);
        return List.of(tenants, clusters);
    }

    @Override
    public UpdateControl<NeonTimeline> reconcile(NeonTimeline timeline, Context<NeonTimeline> context) {
        TenancyEvents events = events(context);
        Outcome outcome = carryOut(timeline, context, events);
        write(timeline, outcome.status(), context, events);
        return UpdateControl.<NeonTimeline>noUpdate().rescheduleAfter(outcome.recheckAfter());
    }

    private record Outcome(NeonTimelineStatus status, Duration recheckAfter) {
    }

    /** The tenant resource, its id, and its cluster, as far as they could be had. */
    private sealed interface Placement {
        record Found(NeonTenant tenant, TenantId tenantId, TenantCluster.Usable cluster) implements Placement {
        }

        /** @param nothingToDelete the tenant resource or its cluster is gone */
        record Missing(String reason, String message, boolean nothingToDelete) implements Placement {
        }
    }

    private TenancyEvents events(Context<NeonTimeline> context) {
        return new TenancyEvents(new ClusterEvents(context.getClient(), settings.reconcile().reportingInstance(),
                settings.clock()));
    }

    private Outcome carryOut(NeonTimeline timeline, Context<NeonTimeline> context, TenancyEvents events) {
        TimelineId id = DesiredTimeline.idOf(timeline);
        if (timeline.getSpec() == null || timeline.getSpec().getTenant() == null) {
            return failed(timeline, id, Optional.empty(), INVALID_SPEC, "spec.tenant is required: the NeonTenant the"
                    + " timeline belongs to");
        }
        Placement placement = placement(timeline, context, true);
        if (placement instanceof Placement.Missing missing) {
            return failed(timeline, id, Optional.empty(), missing.reason(), missing.message());
        }
        Placement.Found found = (Placement.Found) placement;
        Optional<TenantId> tenantId = Optional.of(found.tenantId());
        Optional<NeonTimeline> owner = ownerOtherThan(timeline, id, context);
        if (owner.isPresent()) {
            return failed(timeline, id, tenantId, TIMELINE_ID_IN_USE, "timeline " + id + " is already managed by"
                    + " NeonTimeline " + owner.get().getMetadata().getName() + "; give this resource another spec.timelineId");
        }
        DesiredTimeline desired;
        try {
            desired = DesiredTimeline.of(timeline, found.cluster().spec());
        } catch (InvalidTenantException e) {
            return failed(timeline, id, tenantId, INVALID_SPEC, e.getMessage());
        }
        TenancyApi api = found.cluster().tenancy();
        TimelineInfo info;
        try {
            Optional<TimelineInfo> existing = api.timeline(found.tenantId(), id);
            if (existing.isPresent()) {
                info = existing.get();
                if (timeline.getStatus() == null || !id.hex().equals(timeline.getStatus().getTimelineId())
                        || timeline.getStatus().getState() == null) {
                    events.changed(timeline, "TimelineAdopted", "Adopt", "adopted the existing timeline " + id
                            + " of tenant " + found.tenantId());
                }
            } else {
                Creation creation = creation(timeline, desired, found.tenantId(), api, context, settings.clock().instant());
                if (creation instanceof Creation.Blocked blocked) {
                    return failed(timeline, id, tenantId, blocked.reason(), blocked.message());
                }
                info = api.createTimeline(found.tenantId(), ((Creation.Request) creation).request());
                events.changed(timeline, "TimelineCreated", "Create", "created timeline " + id + " of tenant "
                        + found.tenantId() + info.ancestorTimelineId().map(a -> ", a branch of " + a + " at "
                        + info.ancestorLsn().map(Lsn::toString).orElse("its last record")).orElse(""));
            }
        } catch (NeonApiException e) {
            return failed(timeline, id, tenantId, api.errorReason(), e.getMessage());
        }
        backoff.succeeded(timeline);
        NeonTimelineStatus status = observedStatus(timeline, found.tenantId(), info);
        Optional<String> differs = DesiredTimeline.differences(desired, timeline.getSpec(),
                parentOf(timeline, context).map(DesiredTimeline::idOf), info);
        if (differs.isPresent()) {
            status.setConditions(ready(timeline, false, EXISTING_DIFFERS, differs.get()
                    + "; the operator changes nothing of it: fix the spec or give another spec.timelineId"));
        } else {
            status.setConditions(info.state().isActive()
                    ? ready(timeline, true, ACTIVE, "timeline " + id + " is Active")
                    : ready(timeline, false, NOT_ACTIVE, "timeline " + id + " is " + info.state()));
        }
        return new Outcome(status, settings.refresh());
    }

    /** The create request, or why it cannot be made yet. */
    private sealed interface Creation {
        record Request(TimelineCreateRequest request) implements Creation {
        }

        record Blocked(String reason, String message) implements Creation {
        }
    }

    /** The NeonTimeline the spec names as parent, when it exists. */
    private static Optional<NeonTimeline> parentOf(NeonTimeline timeline, Context<NeonTimeline> context) {
        return Optional.ofNullable(timeline.getSpec().getParent()).flatMap(parent -> context.getPrimaryCache()
                .get(new ResourceID(parent, timeline.getMetadata().getNamespace())));
    }

    private static Creation creation(NeonTimeline timeline, DesiredTimeline desired, TenantId tenantId,
                                     TenancyApi api, Context<NeonTimeline> context, Instant now) {
        if (desired instanceof DesiredTimeline.Root root) {
            return new Creation.Request(new TimelineCreateRequest.Bootstrap(root.id(), root.major()));
        }
        DesiredTimeline.Branch branch = (DesiredTimeline.Branch) desired;
        String namespace = timeline.getMetadata().getNamespace();
        Optional<NeonTimeline> parent = parentOf(timeline, context);
        if (parent.isEmpty()) {
            return new Creation.Blocked(PARENT_NOT_FOUND, "spec.parent: NeonTimeline " + namespace + "/" + branch.parent()
                    + " does not exist");
        }
        if (!timeline.getSpec().getTenant().equals(parent.get().getSpec().getTenant())) {
            return new Creation.Blocked(INVALID_SPEC, "spec.parent: NeonTimeline " + branch.parent() + " belongs to tenant "
                    + parent.get().getSpec().getTenant() + ", not " + timeline.getSpec().getTenant());
        }
        TimelineId parentId = DesiredTimeline.idOf(parent.get());
        if (!isReady(parent.get(), parentId)) {
            return new Creation.Blocked(PARENT_NOT_READY, "spec.parent: NeonTimeline " + branch.parent()
                    + " is not Ready yet");
        }
        Optional<Lsn> lsn;
        if (branch.point() instanceof DesiredTimeline.BranchPoint.AtLsn at) {
            lsn = Optional.of(at.lsn());
        } else if (branch.point() instanceof DesiredTimeline.BranchPoint.AtTime at) {
            if (at.time().isAfter(now)) {
                // the pageserver would answer with its last record, a state that time has not seen yet
                return new Creation.Blocked(BRANCH_POINT_NOT_FOUND, "spec.branchPoint.timestamp: " + at.time()
                        + " is in the future; the branch is created once that time has passed");
            }
            LsnByTimestamp answer = api.lsnByTimestamp(tenantId, parentId, at.time());
            if (!answer.found()) {
                return new Creation.Blocked(BRANCH_POINT_NOT_FOUND, "spec.branchPoint.timestamp: " + at.time()
                        + " is not within the history timeline " + parentId + " keeps (the pageserver answers "
                        + answer.kind().name().toLowerCase(Locale.ROOT) + "); a branch at a time must lie"
                        + " within the tenant's pitrInterval and after the parent's first commit");
            }
            lsn = Optional.of(answer.lsn());
        } else {
            lsn = Optional.empty();
        }
        return new Creation.Request(new TimelineCreateRequest.Branch(branch.id(), parentId, lsn, false));
    }

    private static boolean isReady(NeonTimeline timeline, TimelineId id) {
        NeonTimelineStatus status = timeline.getStatus();
        return status != null && id.hex().equals(status.getTimelineId()) && ClusterConditions.find(status.getConditions(),
                ClusterConditions.READY).filter(c -> ClusterConditions.TRUE.equals(c.getStatus())).isPresent();
    }

    private NeonTimelineStatus observedStatus(NeonTimeline timeline, TenantId tenantId, TimelineInfo info) {
        NeonTimelineStatus status = new NeonTimelineStatus();
        status.setObservedGeneration(timeline.getMetadata().getGeneration());
        status.setTenantId(tenantId.hex());
        status.setTimelineId(info.timelineId().hex());
        status.setAncestorTimelineId(info.ancestorTimelineId().map(TimelineId::hex).orElse(null));
        status.setAncestorLsn(info.ancestorLsn().map(Lsn::toString).orElse(null));
        status.setPgVersion(info.pgVersion().orElse(null));
        status.setState(info.state().name());
        status.setLastRecordLsn(info.lastRecordLsn().toString());
        status.setDiskConsistentLsn(info.diskConsistentLsn().toString());
        status.setRemoteConsistentLsn(info.remoteConsistentLsn().map(Lsn::toString).orElse(null));
        status.setLogicalSize(info.currentLogicalSize().orElse(null));
        return status;
    }

    private Outcome failed(NeonTimeline timeline, TimelineId id, Optional<TenantId> tenantId, String reason,
                           String message) {
        NeonTimelineStatus before = timeline.getStatus();
        NeonTimelineStatus status = new NeonTimelineStatus();
        if (before != null) {
            // what was last seen stays visible while the timeline cannot be reached
            status.setAncestorTimelineId(before.getAncestorTimelineId());
            status.setAncestorLsn(before.getAncestorLsn());
            status.setPgVersion(before.getPgVersion());
            status.setState(before.getState());
            status.setLastRecordLsn(before.getLastRecordLsn());
            status.setDiskConsistentLsn(before.getDiskConsistentLsn());
            status.setRemoteConsistentLsn(before.getRemoteConsistentLsn());
            status.setLogicalSize(before.getLogicalSize());
        }
        status.setObservedGeneration(timeline.getMetadata().getGeneration());
        status.setTenantId(tenantId.map(TenantId::hex).orElse(before == null ? null : before.getTenantId()));
        status.setTimelineId(id.hex());
        status.setConditions(ready(timeline, false, reason, message));
        return new Outcome(status, backoff.failed(timeline));
    }

    private List<Condition> ready(NeonTimeline timeline, boolean ready, String reason, String message) {
        return ClusterConditions.with(timeline.getStatus() == null ? List.of() : timeline.getStatus().getConditions(),
                ClusterConditions.READY, ready, reason, message, timeline.getMetadata().getGeneration(),
                settings.clock().instant());
    }

    /**
     * @param needReady whether the tenant must be Ready (to create); a deletion only needs the tenant's id and cluster
     */
    private Placement placement(NeonTimeline timeline, Context<NeonTimeline> context, boolean needReady) {
        String namespace = timeline.getMetadata().getNamespace();
        String tenantName = timeline.getSpec().getTenant();
        Optional<NeonTenant> tenant = tenants.get(new ResourceID(tenantName, namespace));
        if (tenant.isEmpty()) {
            return new Placement.Missing(TENANT_NOT_FOUND, "spec.tenant: NeonTenant " + namespace + "/" + tenantName
                    + " does not exist", true);
        }
        TenantId tenantId = DesiredTenant.idOf(tenant.get());
        boolean tenantReady = tenant.get().getStatus() != null && tenantId.hex().equals(tenant.get().getStatus().getTenantId())
                && ClusterConditions.find(tenant.get().getStatus().getConditions(), ClusterConditions.READY)
                .filter(c -> ClusterConditions.TRUE.equals(c.getStatus())).isPresent();
        if (needReady && tenant.get().getMetadata().getDeletionTimestamp() != null) {
            // its deletion deletes its timelines in Neon: creating one again would race it
            return new Placement.Missing(TENANT_NOT_READY, "spec.tenant: NeonTenant " + tenantName + " is being deleted",
                    false);
        }
        if (needReady && !tenantReady) {
            return new Placement.Missing(TENANT_NOT_READY, "spec.tenant: NeonTenant " + tenantName + " is not Ready yet",
                    false);
        }
        String clusterName = tenant.get().getSpec().getCluster();
        TenantCluster cluster = TenantCluster.of(namespace, clusterName,
                clusters.get(new ResourceID(clusterName, namespace)).orElse(null), settings.reconcile(),
                new PageserverApiTokens(context.getClient()));
        if (cluster instanceof TenantCluster.Unusable unusable) {
            return new Placement.Missing(unusable.reason(), unusable.message(), unusable.nothingToDelete());
        }
        return new Placement.Found(tenant.get(), tenantId, (TenantCluster.Usable) cluster);
    }

    /** Another NeonTimeline of the same tenant that owns the same id before this one. */
    private static Optional<NeonTimeline> ownerOtherThan(NeonTimeline timeline, TimelineId id,
                                                         Context<NeonTimeline> context) {
        String tenant = timeline.getSpec().getTenant();
        return Claims.ownerOtherThan(timeline, context.getPrimaryCache().list(timeline.getMetadata().getNamespace(),
                        t -> t.getSpec() != null && tenant.equals(t.getSpec().getTenant()) && DesiredTimeline.idOf(t).equals(id)),
                t -> t.getStatus() != null && id.hex().equals(t.getStatus().getTimelineId())
                        && ClusterConditions.find(t.getStatus().getConditions(), ClusterConditions.READY)
                        .filter(c -> !TIMELINE_ID_IN_USE.equals(c.getReason())).isPresent());
    }

    private void write(NeonTimeline timeline, NeonTimelineStatus status, Context<NeonTimeline> context,
                       TenancyEvents events) {
        events.readiness(timeline, timeline.getStatus() == null ? List.of() : timeline.getStatus().getConditions(),
                status.getConditions());
        StatusWrites.writeIfChanged(timeline, status, context, settings.reconcile().serverSideApply(), NeonTimeline::new);
    }

    /**
     * Under Retain only the finalizer goes. Under Delete the timeline is deleted in Neon once no timeline branches
     * from it (the deletion waits, naming the children); 404 counts as deleted. A timeline another resource owns, or
     * whose tenant resource or cluster is gone, is not touched.
     */
    @Override
    public DeleteControl cleanup(NeonTimeline timeline, Context<NeonTimeline> context) {
        if (DesiredTimeline.deletionPolicyOf(timeline) == DeletionPolicy.RETAIN || timeline.getSpec().getTenant() == null) {
            return DeleteControl.defaultDelete();
        }
        TimelineId id = DesiredTimeline.idOf(timeline);
        if (ownerOtherThan(timeline, id, context).isPresent()) {
            return DeleteControl.defaultDelete();
        }
        Placement placement = placement(timeline, context, false);
        if (placement instanceof Placement.Missing missing) {
            if (missing.nothingToDelete()) {
                return DeleteControl.defaultDelete();
            }
            return retryDeletion(timeline, context, Optional.empty(), missing.reason(), "deletion waits: " + missing.message());
        }
        Placement.Found found = (Placement.Found) placement;
        TenancyApi api = found.cluster().tenancy();
        try {
            if (api.tenant(found.tenantId()).isEmpty()) {
                return DeleteControl.defaultDelete();
            }
            List<String> children = children(timeline, id, api.listTimelines(found.tenantId()), context);
            if (!children.isEmpty()) {
                return retryDeletion(timeline, context, Optional.of(found.tenantId()), HAS_CHILDREN,
                        "deletion waits until no timeline branches from this one; children: " + String.join(", ", children));
            }
            if (api.deleteTimeline(found.tenantId(), id) == DeletionOutcome.IN_PROGRESS) {
                return retryDeletion(timeline, context, Optional.of(found.tenantId()), DELETING,
                        "Neon is still deleting timeline " + id);
            }
            events(context).changed(timeline, "TimelineDeleted", "Delete", "deleted timeline " + id + " of tenant "
                    + found.tenantId() + " (deletionPolicy Delete)");
            return DeleteControl.defaultDelete();
        } catch (NeonApiException e) {
            return retryDeletion(timeline, context, Optional.of(found.tenantId()), api.errorReason(),
                    "deletion of timeline " + id + " failed: " + e.getMessage());
        }
    }

    /**
     * The timelines that branch from this one, in Neon or declared (a NeonTimeline naming it as parent), by resource
     * name where one manages them, else by id; sorted, so that the condition stays the same from pass to pass.
     */
    private static List<String> children(NeonTimeline timeline, TimelineId id, List<TimelineInfo> inNeon,
                                         Context<NeonTimeline> context) {
        String namespace = timeline.getMetadata().getNamespace();
        String tenant = timeline.getSpec().getTenant();
        Map<TimelineId, String> names = context.getPrimaryCache()
                .list(namespace, t -> t.getSpec() != null && tenant.equals(t.getSpec().getTenant()))
                .collect(Collectors.toMap(DesiredTimeline::idOf, t -> t.getMetadata().getName(), (a, b) -> a));
        Set<String> children = new TreeSet<>();
        inNeon.stream().filter(t -> t.ancestorTimelineId().filter(id::equals).isPresent())
                .map(t -> Optional.ofNullable(names.get(t.timelineId())).map(n -> "NeonTimeline " + n)
                        .orElse("timeline " + t.timelineId().hex()))
                .forEach(children::add);
        context.getPrimaryCache().list(namespace, t -> t.getSpec() != null && tenant.equals(t.getSpec().getTenant())
                        && timeline.getMetadata().getName().equals(t.getSpec().getParent()))
                .map(t -> "NeonTimeline " + t.getMetadata().getName())
                .forEach(children::add);
        return new ArrayList<>(children);
    }

    private DeleteControl retryDeletion(NeonTimeline timeline, Context<NeonTimeline> context, Optional<TenantId> tenantId,
                                        String reason, String message) {
        Outcome outcome = failed(timeline, DesiredTimeline.idOf(timeline), tenantId, reason, message);
        write(timeline, outcome.status(), context, events(context));
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(outcome.recheckAfter().toMillis());
    }
}

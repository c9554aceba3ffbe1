package io.neonops.operator.tenant;

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
import io.neonops.controller.api.PlacementPolicy;
import io.neonops.controller.api.TenantConfig;
import io.neonops.controller.api.TenantDescription;
import io.neonops.controller.api.TimelineInfo;
import io.neonops.operator.cluster.DeletionPolicy;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.pageserver.PageserverApiTokens;
import io.neonops.operator.reconcile.ClusterEvents;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import io.neonops.storage.common.api.NeonApiException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reconciles a NeonTenant through its cluster's {@link TenancyApi} (the storage controller, or the pageservers of a
 * 2022 etcd-topology cluster): adopts the tenant with its id or creates it,
 * keeps its configuration and placement as the spec says, refreshes the status at {@link TenantSettings#refresh()}
 * (writing it only when it changed), and on deletion deletes it in Neon, its timelines first, only under
 * {@code deletionPolicy: Delete}.
 */
public final class NeonTenantReconciler implements Reconciler<NeonTenant>, Cleaner<NeonTenant> {

    public static final String READY = "Ready";
    public static final String ATTACHED = "Attached";
    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String TENANT_ID_IN_USE = "TenantIdInUse";
    public static final String STORAGE_CONTROLLER_ERROR = "StorageControllerError";
    public static final String PAGESERVER_ERROR = "PageserverError";
    public static final String NOT_ATTACHED = "NotAttached";
    public static final String DELETING = "Deleting";
    public static final String EXISTING_DIFFERS = "ExistingTenantDiffers";

    private final TenantSettings settings;
    private final RetryBackoff backoff = new RetryBackoff();
    private InformerEventSource<NeonCluster, NeonTenant> clusters;

    public NeonTenantReconciler(TenantSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<EventSource<?, NeonTenant>> prepareEventSources(EventSourceContext<NeonTenant> context) {
        // a cluster's change (Ready at last, more pageservers) reaches the tenants that name it
        clusters = new InformerEventSource<>(InformerEventSourceConfiguration.from(NeonCluster.class, NeonTenant.class)
                .withSecondaryToPrimaryMapper(cluster -> context.getPrimaryCache()
                        .list(cluster.getMetadata().getNamespace(),
                                t -> t.getSpec() != null && cluster.getMetadata().getName().equals(t.getSpec().getCluster()))
                        .map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build(), context);
        return List.of(clusters);
    }

    @Override
    public UpdateControl<NeonTenant> reconcile(NeonTenant tenant, Context<NeonTenant> context) {
        TenancyEvents events = events(context);
        Outcome outcome = carryOut(tenant, context, events);
        write(tenant, outcome.status(), context, events);
        return UpdateControl.<NeonTenant>noUpdate().rescheduleAfter(outcome.recheckAfter());
    }

    private record Outcome(NeonTenantStatus status, Duration recheckAfter) {
    }

    private TenancyEvents events(Context<NeonTenant> context) {
        return new TenancyEvents(new ClusterEvents(context.getClient(), settings.reconcile().reportingInstance(),
                settings.clock()));
    }

    private Outcome carryOut(NeonTenant tenant, Context<NeonTenant> context, TenancyEvents events) {
        TenantId id = DesiredTenant.idOf(tenant);
        if (tenant.getSpec() == null || tenant.getSpec().getCluster() == null) {
            return failed(tenant, id, INVALID_SPEC, "spec.cluster is required: the NeonCluster that holds the tenant");
        }
        TenantCluster cluster = cluster(tenant, context);
        if (cluster instanceof TenantCluster.Unusable unusable) {
            return failed(tenant, id, unusable.reason(), unusable.message());
        }
        TenantCluster.Usable usable = (TenantCluster.Usable) cluster;
        Optional<NeonTenant> owner = ownerOtherThan(tenant, id, context);
        if (owner.isPresent()) {
            return failed(tenant, id, TENANT_ID_IN_USE, "tenant " + id + " is already managed by NeonTenant "
                    + owner.get().getMetadata().getName() + " on the same cluster; give this resource another spec.tenantId");
        }
        DesiredTenant desired;
        try {
            desired = DesiredTenant.of(tenant, usable.spec());
        } catch (InvalidTenantException e) {
            return failed(tenant, id, INVALID_SPEC, e.getMessage());
        }
        TenancyApi api = usable.tenancy();
        TenantDescription observed;
        try {
            observed = apply(tenant, desired, api, events);
        } catch (NeonApiException e) {
            return failed(tenant, id, api.errorReason(), e.getMessage());
        }
        backoff.succeeded(tenant);
        NeonTenantStatus status = observedStatus(tenant, id, observed);
        List<String> unattached = observed.shards().stream().filter(s -> s.nodeAttached().isEmpty())
                .map(s -> s.tenantShardId().toString()).toList();
        if (tenant.getSpec().getShardCount() != null && desired.shards().effectiveCount() != observed.shards().size()) {
            status.setConditions(ready(tenant, false, EXISTING_DIFFERS, "spec.shardCount: tenant " + id + " exists with "
                    + observed.shards().size() + " shards, not " + desired.shards().effectiveCount()
                    + "; the operator does not split tenants: fix the spec or give another spec.tenantId"));
            return new Outcome(status, settings.refresh());
        }
        status.setConditions(unattached.isEmpty()
                ? ready(tenant, true, READY, "tenant " + id + " is attached")
                : ready(tenant, false, NOT_ATTACHED, "shards not attached to any pageserver: " + String.join(", ", unattached)));
        return new Outcome(status, settings.refresh());
    }

    /** Creates the tenant when Neon does not have it, else brings config and placement in line. */
    private static TenantDescription apply(NeonTenant tenant, DesiredTenant desired, TenancyApi api,
                                           TenancyEvents events) {
        Optional<TenantDescription> existing = api.tenant(desired.id());
        if (existing.isEmpty()) {
            api.createTenant(desired);
            events.changed(tenant, "TenantCreated", "Create", "created tenant " + desired.id() + " with placement "
                    + placementText(desired.placement()));
        } else {
            // a status with a state has seen this tenant in Neon before; one written by a failed pass has none
            boolean known = tenant.getStatus() != null && desired.id().hex().equals(tenant.getStatus().getTenantId())
                    && tenant.getStatus().getState() != null;
            if (!known) {
                events.changed(tenant, "TenantAdopted", "Adopt", "adopted the existing tenant " + desired.id());
            }
            boolean configMatches = api.configMatches(desired, existing.get(), lastSetConfig(tenant, desired.id()));
            if (!configMatches) {
                api.setTenantConfig(desired);
                events.changed(tenant, "TenantConfigUpdated", "Update", "set the configuration of tenant " + desired.id()
                        + " to spec.config");
            }
            if (!desired.placement().equals(existing.get().policy())) {
                api.setTenantPlacement(desired.id(), desired.placement());
                events.changed(tenant, "TenantPlacementUpdated", "Update", "placement of tenant " + desired.id() + ": "
                        + placementText(existing.get().policy()) + " -> " + placementText(desired.placement()));
            }
            if (configMatches && desired.placement().equals(existing.get().policy())) {
                return existing.get();
            }
        }
        return api.tenant(desired.id()).orElseThrow(() -> new IllegalStateException(
                "Neon does not describe tenant " + desired.id() + " right after accepting it"));
    }

    /**
     * The configuration the status says is in effect: known once the status has seen this tenant in Neon (a status
     * with a state); absent in it means Neon's defaults.
     */
    private static Optional<TenantConfig> lastSetConfig(NeonTenant tenant, TenantId id) {
        NeonTenantStatus status = tenant.getStatus();
        if (status == null || !id.hex().equals(status.getTenantId()) || status.getState() == null) {
            return Optional.empty();
        }
        return Optional.of(status.getConfig() == null ? TenantConfig.DEFAULTS : status.getConfig().toNeon());
    }

    private NeonTenantStatus observedStatus(NeonTenant tenant, TenantId id, TenantDescription observed) {
        NeonTenantStatus status = new NeonTenantStatus();
        status.setObservedGeneration(tenant.getMetadata().getGeneration());
        status.setTenantId(id.hex());
        status.setShards(observed.shards().size());
        status.setPlacement(placementText(observed.policy()));
        status.setState(state(observed));
        status.setConfig(tenant.getSpec().getConfig());
        return status;
    }

    /** As the storage controller's docs write it: {@code Attached(1)}, {@code Secondary}, {@code Detached}. */
    static String placementText(PlacementPolicy policy) {
        if (policy instanceof PlacementPolicy.Attached attached) {
            return "Attached(" + attached.secondaries() + ")";
        }
        return policy instanceof PlacementPolicy.Secondary ? "Secondary" : "Detached";
    }

    /** Attached when every shard is; else the first shard's error, or what it waits for. */
    private static String state(TenantDescription observed) {
        Optional<String> error = observed.shards().stream().map(TenantDescription.Shard::lastError)
                .filter(e -> !e.isEmpty()).findFirst();
        if (error.isPresent()) {
            return "Error";
        }
        if (observed.shards().stream().anyMatch(TenantDescription.Shard::isReconciling)) {
            return "Reconciling";
        }
        return observed.shards().stream().allMatch(s -> s.nodeAttached().isPresent()) ? ATTACHED : "Detached";
    }

    private Outcome failed(NeonTenant tenant, TenantId id, String reason, String message) {
        NeonTenantStatus status = new NeonTenantStatus();
        NeonTenantStatus before = tenant.getStatus();
        status.setObservedGeneration(tenant.getMetadata().getGeneration());
        status.setTenantId(id.hex());
        if (before != null) {
            // what was last seen stays visible while the tenant cannot be reached
            status.setState(before.getState());
            status.setShards(before.getShards());
            status.setPlacement(before.getPlacement());
            status.setConfig(before.getConfig());
        }
        status.setConditions(ready(tenant, false, reason, message));
        return new Outcome(status, backoff.failed(tenant));
    }

    private List<Condition> ready(NeonTenant tenant, boolean ready, String reason,
                                                                  String message) {
        return ClusterConditions.with(tenant.getStatus() == null ? List.of() : tenant.getStatus().getConditions(),
                ClusterConditions.READY, ready, reason, message, tenant.getMetadata().getGeneration(),
                settings.clock().instant());
    }

    private TenantCluster cluster(NeonTenant tenant, Context<NeonTenant> context) {
        String namespace = tenant.getMetadata().getNamespace();
        String name = tenant.getSpec().getCluster();
        NeonCluster cluster = clusters.get(new ResourceID(name, namespace)).orElse(null);
        return TenantCluster.of(namespace, name, cluster, settings.reconcile(),
                new PageserverApiTokens(context.getClient()));
    }

    /** Another NeonTenant of the same cluster that owns the same id before this one. */
    private static Optional<NeonTenant> ownerOtherThan(NeonTenant tenant, TenantId id, Context<NeonTenant> context) {
        String cluster = tenant.getSpec().getCluster();
        return Claims.ownerOtherThan(tenant, context.getPrimaryCache().list(tenant.getMetadata().getNamespace(),
                        t -> t.getSpec() != null && cluster.equals(t.getSpec().getCluster()) && DesiredTenant.idOf(t).equals(id)),
                t -> t.getStatus() != null && id.hex().equals(t.getStatus().getTenantId())
                        && t.getStatus().getConditions() != null && ClusterConditions.find(t.getStatus().getConditions(),
                        ClusterConditions.READY).filter(c -> !TENANT_ID_IN_USE.equals(c.getReason())).isPresent());
    }

    private void write(NeonTenant tenant, NeonTenantStatus status, Context<NeonTenant> context, TenancyEvents events) {
        events.readiness(tenant, tenant.getStatus() == null ? List.of() : tenant.getStatus().getConditions(),
                status.getConditions());
        StatusWrites.writeIfChanged(tenant, status, context, settings.reconcile().serverSideApply(), NeonTenant::new);
    }

    /**
     * Under Retain only the finalizer goes. Under Delete the tenant's timelines are deleted in Neon, children
     * before their parents, then the tenant; 404 counts as deleted. A tenant another resource owns, or whose
     * cluster is gone, is not touched.
     */
    @Override
    public DeleteControl cleanup(NeonTenant tenant, Context<NeonTenant> context) {
        if (DesiredTenant.deletionPolicyOf(tenant) == DeletionPolicy.RETAIN || tenant.getSpec().getCluster() == null) {
            return DeleteControl.defaultDelete();
        }
        TenantId id = DesiredTenant.idOf(tenant);
        if (ownerOtherThan(tenant, id, context).isPresent()) {
            return DeleteControl.defaultDelete();
        }
        TenantCluster cluster = cluster(tenant, context);
        if (cluster instanceof TenantCluster.Unusable unusable) {
            if (unusable.nothingToDelete()) {
                return DeleteControl.defaultDelete();
            }
            return retryDeletion(tenant, context, unusable.reason(), "deletion waits: " + unusable.message());
        }
        TenancyApi api = ((TenantCluster.Usable) cluster).tenancy();
        try {
            if (api.tenant(id).isEmpty()) {
                return DeleteControl.defaultDelete();
            }
            List<TimelineInfo> timelines = api.listTimelines(id);
            if (!timelines.isEmpty()) {
                deleteLeaves(api, id, timelines);
                return retryDeletion(tenant, context, DELETING, "deleting the tenant's " + timelines.size()
                        + " timelines, children first, before the tenant");
            }
            if (api.deleteTenant(id) == DeletionOutcome.IN_PROGRESS) {
                return retryDeletion(tenant, context, DELETING, "Neon is still deleting tenant " + id);
            }
            events(context).changed(tenant, "TenantDeleted", "Delete", "deleted tenant " + id + " (deletionPolicy Delete)");
            return DeleteControl.defaultDelete();
        } catch (NeonApiException e) {
            return retryDeletion(tenant, context, api.errorReason(), "deletion of tenant " + id + " failed: "
                    + e.getMessage());
        }
    }

    /** Deletes the timelines no other timeline branches from; their parents go in a later pass. */
    private static void deleteLeaves(TenancyApi api, TenantId id, List<TimelineInfo> timelines) {
        Set<TimelineId> parents = timelines.stream().flatMap(t -> t.ancestorTimelineId().stream()).collect(Collectors.toSet());
        for (TimelineInfo timeline : timelines) {
            if (!parents.contains(timeline.timelineId())) {
                api.deleteTimeline(id, timeline.timelineId());
            }
        }
    }

    private DeleteControl retryDeletion(NeonTenant tenant, Context<NeonTenant> context, String reason, String message) {
        Outcome outcome = failed(tenant, DesiredTenant.idOf(tenant), reason, message);
        write(tenant, outcome.status(), context, events(context));
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(outcome.recheckAfter().toMillis());
    }
}

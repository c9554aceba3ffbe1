package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.InvalidClusterSpecException;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.metrics.OperatorMetrics;
import io.neonops.operator.reconcile.ClusterEvents.Type;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.resources.Owner;
import io.neonops.operator.resources.ResourceLabels;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.status.ClusterStatusBuilder;
import io.neonops.operator.status.Refusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reconciles a NeonCluster: parses its spec (defaults and validation in one place), refuses what is unsafe,
 * writes only what differs from the desired resources, and publishes the status when it changed. A resync
 * of an unchanged cluster makes no write at all.
 */
public final class NeonClusterReconciler implements Reconciler<NeonCluster> {

    private final ReconcileSettings settings;
    private final Clock clock;
    private final OperatorMetrics metrics;

    public NeonClusterReconciler(ReconcileSettings settings, Clock clock, OperatorMetrics metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public List<EventSource<?, NeonCluster>> prepareEventSources(EventSourceContext<NeonCluster> context) {
        List<EventSource<?, NeonCluster>> sources = new ArrayList<>();
        for (Class<? extends HasMetadata> kind : ObservedCluster.KINDS) {
            sources.add(informer(kind, context));
        }
        return sources;
    }

    private static <R extends HasMetadata> InformerEventSource<R, NeonCluster> informer(
            Class<R> kind, EventSourceContext<NeonCluster> context) {
        return new InformerEventSource<>(InformerEventSourceConfiguration.from(kind, NeonCluster.class)
                .withLabelSelector(ResourceLabels.MANAGED_SELECTOR)
                .withSecondaryToPrimaryMapper(ClusterMapping::owningCluster)
                .build(), context);
    }

    @Override
    public UpdateControl<NeonCluster> reconcile(NeonCluster cluster, Context<NeonCluster> context) {
        ClusterEvents events = new ClusterEvents(context.getClient(), settings.reportingInstance(), clock);
        NeonClusterStatus status = Paused.isPaused(cluster)
                ? ClusterStatusBuilder.paused(cluster, clock.instant())
                : reconcileSpec(cluster, context, events);
        metrics.reconciled(cluster, status.getPhase());
        if (status.equals(cluster.getStatus())) {
            return UpdateControl.noUpdate();
        }
        recordTransitions(cluster, cluster.getStatus(), status, events);
        cluster.setStatus(status);
        return UpdateControl.patchStatus(cluster);
    }

    private NeonClusterStatus reconcileSpec(NeonCluster cluster, Context<NeonCluster> context, ClusterEvents events) {
        ClusterSpec spec;
        try {
            spec = ResourceSpecs.of(cluster);
        } catch (InvalidClusterSpecException e) {
            return ClusterStatusBuilder.refused(cluster, new Refusal(Refusal.INVALID_SPEC, e.getMessage()), clock.instant());
        }
        Owner owner = Owner.of(cluster);
        ClusterResources desired = ClusterResources.build(spec, owner, settings.clusterDomain());
        List<HasMetadata> existing = new ArrayList<>();
        ObservedCluster.KINDS.forEach(kind -> existing.addAll(context.getSecondaryResources(kind)));
        ObservedCluster observed = ObservedCluster.of(existing);
        Optional<Refusal> refusal = SafetyCheck.check(desired, observed);
        if (refusal.isPresent()) {
            return ClusterStatusBuilder.refused(cluster, refusal.get(), clock.instant());
        }
        List<Change> changes = ChangePlanner.plan(desired, observed, owner);
        List<HasMetadata> written = new ChangeApplier(ResourceWriter.of(context.getClient(), settings.serverSideApply()),
                events, context).apply(cluster, changes);
        return ClusterStatusBuilder.accepted(cluster, desired, observed.with(written).podsByName(), clock.instant());
    }

    /** One Event per decision that shows in the status: refusing a spec, pausing, resuming. */
    private void recordTransitions(NeonCluster cluster, NeonClusterStatus before, NeonClusterStatus after,
                                   ClusterEvents events) {
        ClusterPhase previousPhase = before == null ? null : before.getPhase();
        if (after.getPhase() == ClusterPhase.PAUSED && previousPhase != ClusterPhase.PAUSED) {
            events.record(cluster, Type.Normal, "Paused", "Pause",
                    "the " + NeonCluster.PAUSED_ANNOTATION + " annotation is set: no changes until it is removed", null);
        } else if (previousPhase == ClusterPhase.PAUSED && after.getPhase() != ClusterPhase.PAUSED) {
            events.record(cluster, Type.Normal, "Resumed", "Resume", "the pause annotation is gone: reconciling again", null);
        }
        Optional<Condition> degraded = ClusterConditions.find(after.getConditions(), ClusterConditions.DEGRADED)
                .filter(c -> ClusterConditions.TRUE.equals(c.getStatus()));
        Optional<Condition> wasDegraded = before == null ? Optional.empty()
                : ClusterConditions.find(before.getConditions(), ClusterConditions.DEGRADED)
                        .filter(c -> ClusterConditions.TRUE.equals(c.getStatus()));
        if (degraded.isPresent() && !sameDecision(degraded.get(), wasDegraded)) {
            metrics.changeRefused(degraded.get().getReason());
            events.record(cluster, Type.Warning, degraded.get().getReason(), "Refuse", degraded.get().getMessage(), null);
        }
    }

    private static boolean sameDecision(Condition now, Optional<Condition> before) {
        return before.isPresent() && Objects.equals(now.getReason(), before.get().getReason())
                && Objects.equals(now.getMessage(), before.get().getMessage());
    }
}

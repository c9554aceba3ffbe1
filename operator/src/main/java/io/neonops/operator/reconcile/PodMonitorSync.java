package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.operator.cluster.MonitoringSpec;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.reconcile.ClusterEvents.Type;
import io.neonops.operator.resources.ApiForm;
import io.neonops.operator.resources.Owner;
import io.neonops.operator.resources.PodMonitors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keeps a cluster's PodMonitor as its spec asks, when the API server serves the Prometheus Operator's kind at all.
 * Whether it does is asked through API discovery (allowed to every authenticated user, so no RBAC on CRDs), once
 * for all clusters: a yes is kept, a no is asked again after {@link #RECHECK_ABSENT}, so installing the
 * Prometheus Operator later is noticed without a restart. The PodMonitor is read with a GET (no informer: one
 * cannot be started for a kind the server may not serve), compared like every other object, and written only when
 * it differs. What happened shows in {@code status.podMonitor}, which is written only when it changes.
 */
public final class PodMonitorSync {

    public static final String API_VERSION = "monitoring.coreos.com/v1";
    public static final Duration RECHECK_ABSENT = Duration.ofMinutes(5);
    static final String PLURAL = "podmonitors";

    private final Clock clock;
    private final boolean byDefault;
    private volatile boolean served;
    private volatile Instant nextCheck = Instant.MIN;

    /** @param byDefault whether clusters that leave {@code spec.monitoring.podMonitor} unset get a PodMonitor */
    public PodMonitorSync(Clock clock, boolean byDefault) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.byDefault = byDefault;
    }

    /** What {@code status.podMonitor} says after this pass; empty when the cluster asks for none. */
    Optional<String> sync(NeonCluster cluster, ClusterSpec spec, Owner owner, KubernetesClient client,
                          ResourceWriter writer, ClusterEvents events) {
        boolean wanted = Optional.ofNullable(cluster.getSpec().getMonitoring()).map(MonitoringSpec::getPodMonitor)
                .orElse(byDefault);
        boolean noted = cluster.getStatus() != null && cluster.getStatus().getPodMonitor() != null;
        if (!wanted && !noted) {
            // nothing asked for and nothing noted as created: no request at all, also for clusters that never asked
            return Optional.empty();
        }
        if (!served(client)) {
            return wanted ? Optional.of("not created: the API server serves no " + API_VERSION + " PodMonitor (install "
                    + "the Prometheus Operator's CRDs; checked again every " + RECHECK_ABSENT.toMinutes() + " minutes)")
                    : Optional.empty();
        }
        try {
            PodMonitor observed = client.resources(PodMonitor.class).inNamespace(spec.namespace())
                    .withName(PodMonitors.name(spec)).get();
            if (!wanted) {
                if (observed != null && Drift.isOwnedBy(observed, owner)) {
                    client.resource(observed).delete();
                    events.record(cluster, Type.Normal, "Deleted", "Delete",
                            "deleted " + ChangeApplier.describe(observed) + ": spec.monitoring.podMonitor is off", observed);
                }
                return Optional.empty();
            }
            PodMonitor desired = ApiForm.withoutDroppedZeros(PodMonitors.build(spec, owner));
            if (observed == null) {
                HasMetadata created = writer.create(desired);
                events.record(cluster, Type.Normal, "Created", "Create", "created " + ChangeApplier.describe(desired), created);
            } else if (!Drift.between(desired, observed, owner).isEmpty()) {
                writer.update(desired, observed, owner);
            }
            return Optional.of(PodMonitors.name(spec) + ": scrapes " + Component.startOrder(spec).stream().map(Component::id)
                    .collect(Collectors.joining(", ")) + " on " + Component.METRICS_PATH);
        } catch (KubernetesClientException e) {
            return Optional.of("not written: " + e.getMessage());
        }
    }

    private boolean served(KubernetesClient client) {
        if (served) {
            return true;
        }
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return false;
        }
        APIResourceList resources;
        try {
            resources = client.getApiResources(API_VERSION);
        } catch (KubernetesClientException e) {
            resources = null;
        }
        served = resources != null && resources.getResources().stream().anyMatch(r -> PLURAL.equals(r.getName()));
        nextCheck = now.plus(RECHECK_ABSENT);
        return served;
    }
}

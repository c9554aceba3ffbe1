package io.neonops.operator.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.fabric8.kubernetes.api.model.Condition;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.cluster.RollingUpgradeStatus;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.status.ClusterStatusBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.neonops.controlplane.component.Component;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.NeonCluster;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's own metrics, next to the SDK's: what the reconciler decided. The reconciler calls it at its
 * decision points; the SDK tells it about failed reconciles and deleted clusters through {@link Metrics}.
 * Labels are bounded sets (phases, components, refusal reasons), except on the two per-cluster gauges that alerts
 * must name a cluster by ({@link #CLUSTER_CONDITION}, {@link #ROLL_HALTED}): one series per cluster and condition,
 * dropped when the cluster is.
 */
public final class OperatorMetrics implements Metrics {

    /** Reconciles that ended with a decided status (Prometheus: {@code neon_operator_reconciles_total}). */
    public static final String RECONCILES = "neon.operator.reconciles";
    /** Reconciles that threw (Prometheus: {@code neon_operator_reconcile_errors_total}). */
    public static final String RECONCILE_ERRORS = "neon.operator.reconcile.errors";
    /** Pods deleted by a rolling upgrade to be recreated on the new spec, by component. */
    public static final String PODS_RESTARTED = "neon.operator.pods.restarted";
    /** Specs refused (Degraded with a new reason or message), by reason; a halted roll refuses no spec. */
    public static final String CHANGES_REFUSED = "neon.operator.changes.refused";
    /** Writes the API server refused (quota, admission, immutable fields), by the kind of object. */
    public static final String WRITES_FAILED = "neon.operator.writes.failed";
    /** Clusters this replica reconciles, by the phase of their last reconcile. */
    public static final String CLUSTERS = "neon.operator.clusters";

    /** 1 while a condition of a cluster is True, else 0 (Prometheus: {@code neon_operator_cluster_condition}). */
    public static final String CLUSTER_CONDITION = "neon.operator.cluster.condition";
    /** 1 while a cluster's rolling upgrade is halted on a pod not Ready in time (Prometheus: {@code neon_operator_roll_halted}). */
    public static final String ROLL_HALTED = "neon.operator.roll.halted";
    /** The conditions {@link #CLUSTER_CONDITION} shows. */
    public static final List<String> CONDITIONS = List.of(ClusterConditions.READY, ClusterConditions.PROGRESSING,
            ClusterConditions.DEGRADED);

    /** neon_-prefixed: namespace, cluster and pod are the target labels of the operator's own pod when Prometheus scrapes it. */
    public static final String NAMESPACE_TAG = "neon_namespace";
    public static final String CLUSTER_TAG = "neon_cluster";
    public static final String CONDITION_TAG = "condition";
    public static final String POD_TAG = "neon_pod";
    public static final String PHASE_TAG = "phase";
    public static final String COMPONENT_TAG = "component";
    public static final String REASON_TAG = "reason";
    public static final String KIND_TAG = "kind";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MeterRegistry registry;
    private final Counter reconciles;
    private final Counter errors;
    private final Map<ResourceID, ClusterPhase> phases = new ConcurrentHashMap<>();
    private final Map<ResourceID, NeonClusterStatus> statuses = new ConcurrentHashMap<>();
    private final MultiGauge conditions;
    private final MultiGauge rollsHalted;

    public OperatorMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        reconciles = Counter.builder(RECONCILES).description("NeonCluster reconciles that decided a status")
                .register(registry);
        errors = Counter.builder(RECONCILE_ERRORS).description("NeonCluster reconciles that failed and will be retried")
                .register(registry);
        for (ClusterPhase phase : ClusterPhase.values()) {
            Gauge.builder(CLUSTERS, phases, p -> count(p, phase))
                    .description("NeonClusters reconciled by this replica, by the phase of their last reconcile")
                    .tag(PHASE_TAG, phaseName(phase))
                    .register(registry);
        }
        conditions = MultiGauge.builder(CLUSTER_CONDITION)
                .description("1 while the condition of the NeonCluster is True, else 0").register(registry);
        rollsHalted = MultiGauge.builder(ROLL_HALTED)
                .description("1 while the NeonCluster's rolling upgrade is halted on the pod named").register(registry);
    }

    /** A reconcile of {@code cluster} decided its status, in {@code phase}. */
    public void reconciled(NeonCluster cluster, ClusterPhase phase) {
        reconciles.increment();
        if (phase != null) {
            phases.put(ResourceID.fromResource(cluster), phase);
        }
    }

    /** The status a reconcile of {@code cluster} decided, for the per-cluster gauges. */
    public void status(NeonCluster cluster, NeonClusterStatus status) {
        statuses.put(ResourceID.fromResource(cluster), status);
        refreshClusterGauges();
    }

    private synchronized void refreshClusterGauges() {
        List<MultiGauge.Row<?>> conditionRows = new ArrayList<>();
        List<MultiGauge.Row<?>> haltedRows = new ArrayList<>();
        statuses.forEach((id, status) -> {
            Tags cluster = Tags.of(NAMESPACE_TAG, id.getNamespace().orElse(""), CLUSTER_TAG, id.getName());
            List<Condition> current = Optional.ofNullable(status.getConditions()).orElse(List.of());
            for (String type : CONDITIONS) {
                boolean on = ClusterConditions.find(current, type).filter(c -> ClusterConditions.TRUE.equals(c.getStatus()))
                        .isPresent();
                conditionRows.add(MultiGauge.Row.of(cluster.and(CONDITION_TAG, type), on ? 1 : 0));
            }
            boolean halted = ClusterConditions.find(current, ClusterConditions.DEGRADED)
                    .filter(c -> ClusterConditions.TRUE.equals(c.getStatus()))
                    .filter(c -> ClusterStatusBuilder.ROLL_HALT_REASONS.contains(c.getReason())).isPresent();
            if (halted) {
                String pod = Optional.ofNullable(status.getUpgrade()).map(RollingUpgradeStatus::getCurrentPod).orElse("");
                haltedRows.add(MultiGauge.Row.of(cluster.and(POD_TAG, pod), 1));
            }
        });
        conditions.register(conditionRows, true);
        rollsHalted.register(haltedRows, true);
    }

    /** The reconciler refused a spec for {@code reason} (the Degraded condition's reason). */
    public void changeRefused(String reason) {
        Counter.builder(CHANGES_REFUSED).description("Specs refused with a Degraded condition and a Warning event")
                .tag(REASON_TAG, reason)
                .register(registry)
                .increment();
    }

    /** The API server refused a write of an object of {@code kind} (e.g. {@code PersistentVolumeClaim}). */
    public void writeFailed(String kind) {
        Counter.builder(WRITES_FAILED).description("Writes the API server refused; each is retried with backoff")
                .tag(KIND_TAG, kind)
                .register(registry)
                .increment();
    }

    /** A rolling upgrade deleted a pod of {@code component} so that it is recreated on the desired spec. */
    public void podRestarted(Component component) {
        Counter.builder(PODS_RESTARTED).description("Pods restarted by rolling upgrades")
                .tag(COMPONENT_TAG, component.id())
                .register(registry)
                .increment();
    }

    @Override
    public void failedReconciliation(HasMetadata resource, Exception exception, Map<String, Object> metadata) {
        if (resource instanceof NeonCluster) {
            errors.increment();
        }
    }

    /** The SDK saw the cluster deleted: it no longer counts in any phase. */
    @Override
    public void cleanupDoneFor(ResourceID resourceID, Map<String, Object> metadata) {
        // the SDK reports every controller's resources here; a NeonTenant may share its cluster's name
        if (metadata.get(Constants.RESOURCE_GVK_KEY) instanceof GroupVersionKind kind
                && !NeonCluster.KIND.equals(kind.getKind())) {
            return;
        }
        phases.remove(resourceID);
        statuses.remove(resourceID);
        refreshClusterGauges();
    }

    /** The phase as {@code status.phase} spells it, e.g. {@code Running}. */
    public static String phaseName(ClusterPhase phase) {
        return JSON.convertValue(phase, String.class);
    }

    private static double count(Map<ResourceID, ClusterPhase> phases, ClusterPhase phase) {
        return phases.values().stream().filter(phase::equals).count();
    }
}

package io.neonops.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.neonops.controlplane.component.Component;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.cluster.RollingUpgradeStatus;
import io.neonops.operator.status.ClusterStatusBuilder;
import io.neonops.operator.upgrade.RollStep;
import io.neonops.operator.tenant.NeonTenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorMetricsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final OperatorMetrics metrics = new OperatorMetrics(registry);

    @Test
    void countsClustersByThePhaseOfTheirLastReconcile() {
        metrics.reconciled(cluster("a", "one"), ClusterPhase.CREATING);
        metrics.reconciled(cluster("a", "two"), ClusterPhase.CREATING);
        metrics.reconciled(cluster("b", "one"), ClusterPhase.RUNNING);
        metrics.reconciled(cluster("a", "one"), ClusterPhase.RUNNING);

        assertThat(clusters("Creating")).isEqualTo(1);
        assertThat(clusters("Running")).isEqualTo(2);
        assertThat(clusters("Degraded")).isZero();
        assertThat(registry.get(OperatorMetrics.RECONCILES).counter().count()).isEqualTo(4);
    }

    @Test
    void everyPhaseHasAGaugeFromTheStartSoThatDashboardsShowZeros() {
        for (ClusterPhase phase : ClusterPhase.values()) {
            assertThat(clusters(OperatorMetrics.phaseName(phase))).isZero();
        }
        assertThat(OperatorMetrics.phaseName(ClusterPhase.UPGRADING)).isEqualTo("Upgrading");
    }

    @Test
    void aDeletedClusterNoLongerCounts() {
        NeonCluster cluster = cluster("a", "gone");
        metrics.reconciled(cluster, ClusterPhase.RUNNING);

        metrics.cleanupDoneFor(ResourceID.fromResource(cluster), Map.of());

        assertThat(clusters("Running")).isZero();
    }

    @Test
    void theDeletionOfATenantNamedLikeAClusterLeavesTheClusterCounted() {
        NeonCluster cluster = cluster("a", "demo");
        metrics.reconciled(cluster, ClusterPhase.RUNNING);
        NeonTenant tenant = new NeonTenant();
        tenant.setMetadata(new ObjectMetaBuilder().withNamespace("a").withName("demo").build());

        metrics.cleanupDoneFor(ResourceID.fromResource(tenant),
                Map.of(Constants.RESOURCE_GVK_KEY, GroupVersionKind.gvkFor(NeonTenant.class)));
        metrics.failedReconciliation(tenant, new IllegalStateException("boom"), Map.of());

        assertThat(clusters("Running")).isEqualTo(1);
        assertThat(registry.get(OperatorMetrics.RECONCILE_ERRORS).counter().count()).isZero();
    }

    @Test
    void countsRefusalsByReasonAndRestartsByComponent() {
        metrics.changeRefused("ScaleDownRefused");
        metrics.changeRefused("ScaleDownRefused");
        metrics.changeRefused("InvalidSpec");
        metrics.podRestarted(Component.SAFEKEEPER);

        assertThat(registry.get(OperatorMetrics.CHANGES_REFUSED).tag(OperatorMetrics.REASON_TAG, "ScaleDownRefused")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get(OperatorMetrics.CHANGES_REFUSED).tag(OperatorMetrics.REASON_TAG, "InvalidSpec")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get(OperatorMetrics.PODS_RESTARTED).tag(OperatorMetrics.COMPONENT_TAG, "safekeeper")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void failedReconcilesCountAsErrors() {
        metrics.failedReconciliation(cluster("a", "one"), new IllegalStateException("boom"), Map.of());

        assertThat(registry.get(OperatorMetrics.RECONCILE_ERRORS).counter().count()).isEqualTo(1);
    }

    @Test
    void showsEachClustersConditionsAndTheHaltedRollsPod() {
        NeonClusterStatus halted = new NeonClusterStatus();
        halted.setConditions(List.of(condition("Ready", "False", "PodsNotReady"),
                condition("Degraded", "True", ClusterStatusBuilder.ROLL_HALTED)));
        RollingUpgradeStatus upgrade = new RollingUpgradeStatus();
        upgrade.setCurrentPod("demo-safekeeper-1");
        halted.setUpgrade(upgrade);
        NeonClusterStatus ready = new NeonClusterStatus();
        ready.setConditions(List.of(condition("Ready", "True", "AllReady")));

        metrics.status(cluster("a", "demo"), halted);
        metrics.status(cluster("b", "fine"), ready);

        assertThat(conditionGauge("a", "demo", "Ready")).isZero();
        assertThat(conditionGauge("a", "demo", "Degraded")).isEqualTo(1);
        assertThat(conditionGauge("b", "fine", "Ready")).isEqualTo(1);
        assertThat(conditionGauge("b", "fine", "Progressing")).isZero();
        assertThat(registry.get(OperatorMetrics.ROLL_HALTED).gauges()).singleElement().satisfies(g -> {
            assertThat(g.getId().getTag(OperatorMetrics.CLUSTER_TAG)).isEqualTo("demo");
            assertThat(g.getId().getTag(OperatorMetrics.POD_TAG)).isEqualTo("demo-safekeeper-1");
            assertThat(g.value()).isEqualTo(1);
        });
    }

    @Test
    void aRollHaltedOnSafekeepersThatDidNotCatchUpIsAHaltedRollToo() {
        NeonClusterStatus halted = new NeonClusterStatus();
        halted.setConditions(List.of(condition("Degraded", "True", RollStep.CatchUpTimedOut.REASON)));
        RollingUpgradeStatus upgrade = new RollingUpgradeStatus();
        upgrade.setCurrentPod("demo-safekeeper-0");
        halted.setUpgrade(upgrade);

        metrics.status(cluster("a", "demo"), halted);

        assertThat(registry.get(OperatorMetrics.ROLL_HALTED).gauges()).singleElement()
                .satisfies(g -> assertThat(g.getId().getTag(OperatorMetrics.POD_TAG)).isEqualTo("demo-safekeeper-0"));
    }

    @Test
    void aDeletedClusterLeavesNoConditionSeries() {
        NeonCluster cluster = cluster("a", "gone");
        metrics.status(cluster, new NeonClusterStatus());

        metrics.cleanupDoneFor(ResourceID.fromResource(cluster), Map.of());

        assertThat(registry.find(OperatorMetrics.CLUSTER_CONDITION).gauges()).isEmpty();
    }

    private double conditionGauge(String namespace, String cluster, String type) {
        return registry.get(OperatorMetrics.CLUSTER_CONDITION).tag(OperatorMetrics.NAMESPACE_TAG, namespace)
                .tag(OperatorMetrics.CLUSTER_TAG, cluster).tag(OperatorMetrics.CONDITION_TAG, type).gauge().value();
    }

    private static Condition condition(String type, String status, String reason) {
        return new ConditionBuilder().withType(type).withStatus(status).withReason(reason).build();
    }

    private double clusters(String phase) {
        return registry.get(OperatorMetrics.CLUSTERS).tag(OperatorMetrics.PHASE_TAG, phase).gauge().value();
    }

    private static NeonCluster cluster(String namespace, String name) {
        NeonCluster cluster = new NeonCluster();
        cluster.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        return cluster;
    }
}

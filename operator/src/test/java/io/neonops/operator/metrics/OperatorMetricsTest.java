package io.neonops.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.neonops.controlplane.component.Component;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.NeonCluster;
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

    private double clusters(String phase) {
        return registry.get(OperatorMetrics.CLUSTERS).tag(OperatorMetrics.PHASE_TAG, phase).gauge().value();
    }

    private static NeonCluster cluster(String namespace, String name) {
        NeonCluster cluster = new NeonCluster();
        cluster.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        return cluster;
    }
}

package io.neonops.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ClusterUpdatesTest {

    private static NeonCluster cluster() {
        NeonCluster cluster = new NeonCluster();
        cluster.setMetadata(new ObjectMetaBuilder().withName("demo").withGeneration(3L).withResourceVersion("10").build());
        return cluster;
    }

    private static NeonCluster changed(Consumer<NeonCluster> change) {
        NeonCluster cluster = cluster();
        cluster.getMetadata().setResourceVersion("11");
        change.accept(cluster);
        return cluster;
    }

    @Test
    void aStatusWriteAloneStartsNoReconcile() {
        NeonClusterStatus status = new NeonClusterStatus();
        status.setPhase(ClusterPhase.RUNNING);

        assertThat(ClusterUpdates.needsReconcile(cluster(), changed(c -> c.setStatus(status)))).isFalse();
    }

    @Test
    void aSpecChangeOrThePauseAnnotationStartsOne() {
        assertThat(ClusterUpdates.needsReconcile(cluster(), changed(c -> c.getMetadata().setGeneration(4L)))).isTrue();
        assertThat(ClusterUpdates.needsReconcile(cluster(), changed(c -> c.getMetadata().getAnnotations()
                .put(NeonCluster.PAUSED_ANNOTATION, "true")))).isTrue();
    }
}

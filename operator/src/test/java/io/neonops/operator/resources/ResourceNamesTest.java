package io.neonops.operator.resources;

import static io.neonops.operator.testing.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {

    private static final ClusterSpec DEMO = spec("");

    @Test
    void theNodeIndexIsReadBackFromPodAndVolumeNames() {
        assertThat(ResourceNames.nodeIndex(DEMO, Component.ETCD, ResourceNames.pod(DEMO, Component.ETCD, 12)))
                .isEqualTo(OptionalInt.of(12));
        assertThat(ResourceNames.nodeIndex(DEMO, Component.ETCD, ResourceNames.volumeClaim(DEMO, Component.ETCD, 0)))
                .isEqualTo(OptionalInt.of(0));
    }

    @Test
    void namesTheOperatorDoesNotGiveHaveNoNodeIndex() {
        assertThat(ResourceNames.nodeIndex(DEMO, Component.ETCD, "demo-safekeeper-1")).isEmpty();
        assertThat(ResourceNames.nodeIndex(DEMO, Component.ETCD, "demo-etcd-01")).isEmpty();
        assertThat(ResourceNames.nodeIndex(DEMO, Component.ETCD, "demo-etcd")).isEmpty();
        assertThat(ResourceNames.nodeIndex(DEMO, Component.ETCD, "other-demo-etcd-1")).isEmpty();
        assertThat(ResourceNames.nodeIndex(DEMO, Component.ETCD, "demo-etcd-1-backup")).isEmpty();
    }
}

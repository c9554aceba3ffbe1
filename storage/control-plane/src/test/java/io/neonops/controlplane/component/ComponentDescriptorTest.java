package io.neonops.controlplane.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.TestClusters;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ComponentDescriptorTest {

    private static final ClusterSpec CLUSTER = TestClusters.demo("");

    @Test
    void theBrokerStartsFirstAndThePageserversBeforeTheSafekeepers() {
        assertThat(Component.START_ORDER).containsExactly(Component.ETCD, Component.PAGESERVER, Component.SAFEKEEPER);
    }

    @Test
    void aRollTakesTheBrokerThenTheSafekeepersThenThePageservers() {
        assertThat(Component.ROLL_ORDER).containsExactly(Component.ETCD, Component.SAFEKEEPER, Component.PAGESERVER);
    }

    @Test
    void quorumMembersAreSpreadAndBudgetedAndPageserversAreNot() {
        assertThat(Arrays.stream(Component.values()).filter(c -> c.descriptor().spreadsOverNodes()))
                .containsExactly(Component.ETCD, Component.SAFEKEEPER);
        assertThat(Arrays.stream(Component.values()).filter(c -> c.descriptor().disruptionBudget(CLUSTER)))
                .containsExactly(Component.ETCD, Component.SAFEKEEPER);
        assertThat(Component.ETCD.descriptor().quorum()).isEqualTo(QuorumRule.MAJORITY);
        assertThat(Component.SAFEKEEPER.descriptor().quorum()).isEqualTo(QuorumRule.ALL_OTHERS_READY);
        assertThat(Component.PAGESERVER.descriptor().quorum()).isEqualTo(QuorumRule.NONE);
    }

    @Test
    void onlyThePageserversServeThePostgresMajors() {
        assertThat(Arrays.stream(Component.values()).filter(c -> c.descriptor().servesPostgres()))
                .containsExactly(Component.PAGESERVER);
    }

    @Test
    void etcdRunsFromItsOwnImageAndTheNeonDaemonsFromTheNeonImage() {
        assertThat(Component.ETCD.descriptor().image(CLUSTER)).isEqualTo(CLUSTER.etcd().image());
        assertThat(Component.PAGESERVER.descriptor().image(CLUSTER)).isEqualTo(CLUSTER.image());
        assertThat(Component.SAFEKEEPER.descriptor().image(CLUSTER)).isEqualTo(CLUSTER.image());
        assertThat(Component.ETCD.descriptor().checksJwt()).isFalse();
        assertThat(Component.SAFEKEEPER.descriptor().checksJwt()).isTrue();
    }

    @Test
    void onlyEtcdMembersAreResolvableBeforeTheyAreReady() {
        assertThat(Arrays.stream(Component.values()).filter(c -> c.descriptor().publishesNotReadyAddresses()))
                .containsExactly(Component.ETCD);
    }
}

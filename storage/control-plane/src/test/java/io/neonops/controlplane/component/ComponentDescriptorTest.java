package io.neonops.controlplane.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.TestClusters;
import io.neonops.storage.common.NodeId;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComponentDescriptorTest {

    private static final ClusterSpec CLUSTER = TestClusters.demo("");
    private static final ClusterSpec MODERN = TestClusters.modern("");

    @Test
    void aModernClusterStartsTheControllersDatabaseTheControllerTheBrokerSafekeepersThenPageservers() {
        assertThat(Component.startOrder(MODERN)).containsExactly(Component.STORAGE_CONTROLLER_DB,
                Component.STORAGE_CONTROLLER, Component.STORAGE_BROKER, Component.SAFEKEEPER, Component.PAGESERVER);
    }

    @Test
    void a2022ClusterStartsEtcdThenThePageserversThenTheSafekeepers() {
        assertThat(Component.startOrder(CLUSTER)).containsExactly(Component.ETCD, Component.PAGESERVER,
                Component.SAFEKEEPER);
    }

    @Test
    void aRollTakesTheBrokerThenTheStorageControllerThenTheSafekeepersThenThePageservers() {
        assertThat(Component.ROLL_ORDER).containsExactly(Component.ETCD, Component.STORAGE_BROKER,
                Component.STORAGE_CONTROLLER_DB, Component.STORAGE_CONTROLLER, Component.SAFEKEEPER,
                Component.PAGESERVER);
    }

    @Test
    void quorumMembersAreSpreadAndBudgetedAndPageserversAreNot() {
        assertThat(Arrays.stream(Component.values()).filter(c -> c.descriptor().disruptionBudget(CLUSTER)))
                .containsExactly(Component.ETCD, Component.SAFEKEEPER);
        assertThat(Component.ETCD.descriptor().quorum()).isEqualTo(QuorumRule.MAJORITY);
        assertThat(Component.SAFEKEEPER.descriptor().quorum()).isEqualTo(QuorumRule.ALL_OTHERS_READY);
        assertThat(Component.PAGESERVER.descriptor().quorum()).isEqualTo(QuorumRule.NONE);
    }

    @Test
    void onlyQuorumMembersAreSpreadAndBudgetedTheOneStorageBrokerIsNeither() {
        assertThat(Arrays.stream(Component.values()).filter(c -> c.descriptor().spreadsOverNodes()))
                .containsExactly(Component.ETCD, Component.SAFEKEEPER);
        assertThat(Component.startOrder(MODERN).stream().filter(c -> c.descriptor().disruptionBudget(MODERN)))
                .containsExactly(Component.SAFEKEEPER);
    }

    @Test
    void onlyThePageserversAreDrainedByTheStorageControllerBeforeARestart() {
        assertThat(Arrays.stream(Component.values()).filter(c -> c.descriptor().drainedByStorageController()))
                .containsExactly(Component.PAGESERVER);
    }

    @Test
    void onlyModernPageserversAreReadyByTheStorageControllersWordUnderTheIdOfTheirIdentityFile() {
        assertThat(Arrays.stream(Component.values()).filter(c -> c.descriptor().storageControllerNode(MODERN, 0).isPresent()))
                .containsExactly(Component.PAGESERVER);
        assertThat(Component.PAGESERVER.descriptor().storageControllerNode(MODERN, 1)).contains(NodeId.of(2));
        assertThat(Component.PAGESERVER.descriptor().storageControllerNode(CLUSTER, 0)).isEmpty();
    }

    @Test
    void onlyThePageserversServeThePostgresMajors() {
        assertThat(Arrays.stream(Component.values()).filter(c -> c.descriptor().servesPostgres()))
                .containsExactly(Component.PAGESERVER);
    }

    @Test
    void etcdAndTheDatabaseRunFromTheirOwnImagesAndTheNeonDaemonsFromTheNeonImage() {
        assertThat(Component.ETCD.descriptor().image(CLUSTER)).isEqualTo(CLUSTER.etcd().image());
        assertThat(Component.PAGESERVER.descriptor().image(CLUSTER)).isEqualTo(CLUSTER.image());
        assertThat(Component.SAFEKEEPER.descriptor().image(CLUSTER)).isEqualTo(CLUSTER.image());
        assertThat(Component.STORAGE_BROKER.descriptor().image(MODERN)).isEqualTo(MODERN.image());
        assertThat(Component.STORAGE_CONTROLLER.descriptor().image(MODERN)).isEqualTo(MODERN.image());
        assertThat(Component.STORAGE_CONTROLLER_DB.descriptor().image(MODERN)).isEqualTo("postgres:16");
        assertThat(Component.ETCD.descriptor().checksJwt()).isFalse();
        assertThat(Component.SAFEKEEPER.descriptor().checksJwt()).isTrue();
    }

    @Test
    void theDatabaseRunsAsThePostgresUserOfItsImageAndEveryOtherDaemonAsNeonsUser() {
        assertThat(Component.STORAGE_CONTROLLER_DB.descriptor().userId()).isEqualTo(999L);
        assertThat(Arrays.stream(Component.values()).filter(c -> c.descriptor().userId() == 1000L))
                .containsExactly(Component.ETCD, Component.PAGESERVER, Component.SAFEKEEPER, Component.STORAGE_BROKER,
                        Component.STORAGE_CONTROLLER);
    }

    @Test
    void etcdMembersAlwaysAndModernPageserversAreResolvableBeforeTheyAreReady() {
        assertThat(Arrays.stream(Component.values()).filter(c -> c.descriptor().publishesNotReadyAddresses(CLUSTER)))
                .containsExactly(Component.ETCD);
        assertThat(Arrays.stream(Component.values()).filter(c -> c.descriptor().publishesNotReadyAddresses(MODERN)))
                .containsExactly(Component.ETCD, Component.PAGESERVER);
    }

    @Test
    void theBrokerAndTheControllerAreStatelessAndTheDatabaseKeepsItsVolume() {
        assertThat(Component.STORAGE_BROKER.descriptor().storage(MODERN)).isEmpty();
        assertThat(Component.STORAGE_CONTROLLER.descriptor().storage(MODERN)).isEmpty();
        assertThat(Component.STORAGE_CONTROLLER_DB.descriptor().storage(MODERN).orElseThrow().size()).isEqualTo("1Gi");
    }

    @Test
    void theGenerationDecidesWhichComponentsHaveNodes() {
        assertThat(Arrays.stream(Component.values()).filter(c -> c.replicas(CLUSTER) > 0))
                .containsExactly(Component.ETCD, Component.PAGESERVER, Component.SAFEKEEPER);
        assertThat(Arrays.stream(Component.values()).filter(c -> c.replicas(MODERN) > 0))
                .containsExactly(Component.PAGESERVER, Component.SAFEKEEPER, Component.STORAGE_BROKER,
                        Component.STORAGE_CONTROLLER, Component.STORAGE_CONTROLLER_DB);
        ClusterSpec external = TestClusters.modern("{}", "{database: {external: {secretName: db}}}", "");
        assertThat(Component.STORAGE_CONTROLLER_DB.replicas(external)).isZero();
    }

    @Test
    void thePostgresDatabaseServesNoMetricsAndEveryNeonDaemonDoes() {
        assertThat(Component.STORAGE_CONTROLLER_DB.metricsPort()).isEqualTo(Optional.empty());
        assertThat(Component.STORAGE_BROKER.metricsPort()).contains(NodePort.STORAGE_BROKER);
        assertThat(Component.STORAGE_CONTROLLER.metricsPort()).contains(NodePort.STORAGE_CONTROLLER_HTTP);
    }
}

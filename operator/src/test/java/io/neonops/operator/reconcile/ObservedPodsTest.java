package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.SpecFixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.neonops.controller.api.NodeAvailability;
import io.neonops.controller.api.NodeRegisterRequest;
import io.neonops.controller.api.NodeSchedulingPolicy;
import io.neonops.controller.api.PageserverNode;
import io.neonops.controlplane.component.Component;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.status.NodeHealth;
import io.neonops.operator.storcon.ObservedStorageController;
import io.neonops.operator.upgrade.ObservedPod;
import io.neonops.operator.testing.SpecFixtures;
import io.neonops.operator.upgrade.SpecSummary;
import io.neonops.storage.common.NodeId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObservedPodsTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-01T00:05:00Z");
    private static final ClusterResources OLD = resources("");
    private static final ClusterResources NEW = resources("image: neon:2\n");
    private static final ClusterResources MODERN = resources(SpecFixtures.MODERN);
    private static final ObservedStorageController NOT_RUN = new ObservedStorageController.NotRun();

    /** The pod of {@code resources} named {@code name} as the API server stores it. */
    private static Pod stored(ClusterResources resources, String name, String uid) {
        Pod desired = resources.pods().stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst().orElseThrow();
        return new PodBuilder(desired).editMetadata().withUid(uid).withCreationTimestamp(CREATED.toString()).endMetadata()
                .build();
    }

    private static ObservedPod find(List<ObservedPod> pods, String name) {
        return pods.stream().filter(p -> p.pod().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyDesiredPodIsListedMissingOrNotIndexedWithinItsComponent() {
        List<ObservedPod> pods = ObservedPods.of(NEW, ObservedCluster.of(List.of()), NOT_RUN, Set.of(), NOW);

        assertThat(pods).extracting(p -> p.pod().name()).containsExactly("demo-etcd-0", "demo-pageserver-0",
                "demo-safekeeper-0", "demo-safekeeper-1", "demo-safekeeper-2");
        assertThat(find(pods, "demo-safekeeper-2").pod().index()).isEqualTo(2);
        assertThat(pods).allSatisfy(p -> assertThat(p.exists()).isFalse());
    }

    @Test
    void anExistingPodCarriesItsHashSpecAndCreationTimeAgainstTheDesiredHash() {
        ObservedCluster observed = ObservedCluster.of(List.of(stored(OLD, "demo-safekeeper-0", "uid-1")));

        ObservedPod pod = find(ObservedPods.of(NEW, observed, NOT_RUN, Set.of(), NOW), "demo-safekeeper-0");

        assertThat(pod.currentSpecHash()).isEqualTo(NodeHealth.specHash(OLD.pods(Component.SAFEKEEPER).get(0)))
                .isNotEqualTo(pod.desiredSpecHash());
        assertThat(pod.currentSpec()).isEqualTo(SpecSummary.of(OLD.cluster()));
        assertThat(pod.createdAt()).isEqualTo(CREATED);
        assertThat(pod.outdated()).isTrue();
        assertThat(pod.ready()).isFalse();
    }

    @Test
    void aPodThisOperatorDeletedCountsAsDeletingWhileTheCacheStillShowsIt() {
        ObservedCluster observed = ObservedCluster.of(List.of(stored(OLD, "demo-safekeeper-0", "uid-1"),
                stored(OLD, "demo-safekeeper-1", "uid-2")));

        List<ObservedPod> pods = ObservedPods.of(NEW, observed, NOT_RUN, Set.of("uid-1"), NOW);

        assertThat(find(pods, "demo-safekeeper-0").deleting()).isTrue();
        assertThat(find(pods, "demo-safekeeper-1").deleting()).isFalse();
    }

    @Test
    void aModernPageserverIsReadyOnlyWhenItsPodIsReadyAndTheStorageControllerListsItActive() {
        ObservedCluster observed = ObservedCluster.of(List.of(ready(stored(MODERN, "demo-pageserver-0", "uid-1"))));

        assertThat(pageserverReady(observed, ObservedStorageController.listed(List.of(), List.of()))).isFalse();
        assertThat(pageserverReady(observed, ObservedStorageController.listed(List.of(node(1, NodeAvailability.OFFLINE)),
                List.of()))).isFalse();
        assertThat(pageserverReady(observed, ObservedStorageController.listed(List.of(node(1, NodeAvailability.WARMING_UP)),
                List.of()))).isFalse();
        assertThat(pageserverReady(observed, ObservedStorageController.listed(List.of(node(1, NodeAvailability.ACTIVE)),
                List.of()))).isTrue();
    }

    @Test
    void anActiveNodeDoesNotMakeAPageserverReadyWhosePodIsNot() {
        ObservedCluster observed = ObservedCluster.of(List.of(stored(MODERN, "demo-pageserver-0", "uid-1")));

        assertThat(pageserverReady(observed, ObservedStorageController.listed(List.of(node(1, NodeAvailability.ACTIVE)),
                List.of()))).isFalse();
    }

    @Test
    void whileTheStorageControllerCannotBeListedAModernPageserverIsAsReadyAsItsPod() {
        ObservedCluster observed = ObservedCluster.of(List.of(ready(stored(MODERN, "demo-pageserver-0", "uid-1"))));

        assertThat(pageserverReady(observed, new ObservedStorageController.NotReady("restarting"))).isTrue();
        assertThat(pageserverReady(observed, new ObservedStorageController.Unreachable("HTTP 503"))).isTrue();
    }

    @Test
    void onlyPageserversDependOnTheStorageController() {
        ObservedCluster observed = ObservedCluster.of(List.of(ready(stored(MODERN, "demo-safekeeper-0", "uid-1"))));

        ObservedPod safekeeper = find(ObservedPods.of(MODERN, observed, ObservedStorageController.listed(List.of(), List.of()),
                Set.of(), NOW), "demo-safekeeper-0");

        assertThat(safekeeper.ready()).isTrue();
    }

    private static boolean pageserverReady(ObservedCluster observed, ObservedStorageController storageController) {
        return find(ObservedPods.of(MODERN, observed, storageController, Set.of(), NOW), "demo-pageserver-0").ready();
    }

    private static Pod ready(Pod pod) {
        return new PodBuilder(pod).withNewStatus().withPhase("Running").addNewCondition().withType("Ready")
                .withStatus("True").endCondition().endStatus().build();
    }

    private static PageserverNode node(long id, NodeAvailability availability) {
        return PageserverNode.registered(new NodeRegisterRequest(NodeId.of(id), "demo-pageserver-0.demo-pageserver", 6400,
                Optional.empty(), Optional.empty(), "demo-pageserver-0.demo-pageserver", 9898, Optional.empty(), "zone-1",
                Optional.empty()),
                availability, NodeSchedulingPolicy.ACTIVE);
    }
}

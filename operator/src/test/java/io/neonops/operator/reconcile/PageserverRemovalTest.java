package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.SpecFixtures.resources;
import static io.neonops.operator.testing.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.neonops.controller.api.Fixtures;
import io.neonops.controller.api.NodeAvailability;
import io.neonops.controller.api.NodeSchedulingPolicy;
import io.neonops.controller.api.PageserverNode;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.operator.storcon.ObservedStorageController;
import io.neonops.operator.testing.SpecFixtures;
import io.neonops.storage.common.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What removing the pageservers a modern cluster no longer wants does next, from what exists and what is listed. */
class PageserverRemovalTest {

    private static final String TWO = SpecFixtures.MODERN + "pageserver: {replicas: 2}\n";
    private static final ClusterSpec SCALED_TO_ONE = spec(SpecFixtures.MODERN + "pageserver: {replicas: 1}\n");

    /** The objects of a modern cluster with two pageservers, but for {@code without}. */
    private static List<HasMetadata> twoPageservers(String... without) {
        List<HasMetadata> objects = new ArrayList<>(resources(TWO).all());
        objects.removeIf(o -> Arrays.asList(without).contains(o.getMetadata().getName()));
        return objects;
    }

    private static ObservedStorageController listed(long... ids) {
        List<PageserverNode> nodes = new ArrayList<>();
        for (long id : ids) {
            nodes.add(node(id, NodeSchedulingPolicy.ACTIVE));
        }
        return ObservedStorageController.listed(nodes, List.of());
    }

    private static PageserverNode node(long id, NodeSchedulingPolicy scheduling) {
        return PageserverNode.registered(Fixtures.metadata(id).registerRequest(NodeId.of(id), java.util.Optional.empty()),
                NodeAvailability.ACTIVE, scheduling);
    }

    private static PageserverRemoval.Step next(ClusterSpec spec, List<HasMetadata> objects, ObservedStorageController listed) {
        return PageserverRemoval.next(spec, ObservedCluster.of(objects), listed);
    }

    @Test
    void theExtraNodeIsDeletedFromTheStorageControllerFirst() {
        assertThat(next(SCALED_TO_ONE, twoPageservers(), listed(1, 2)))
                .isEqualTo(new PageserverRemoval.DeleteNode(1, NodeId.of(2), false));
        assertThat(next(SCALED_TO_ONE, twoPageservers(), ObservedStorageController.listed(
                List.of(node(1, NodeSchedulingPolicy.ACTIVE), node(2, NodeSchedulingPolicy.DELETING)), List.of())))
                .isEqualTo(new PageserverRemoval.DeleteNode(1, NodeId.of(2), true));
    }

    @Test
    void onceTheNodeIsGoneThePodIsDeletedAndUnderRetainTheVolumeStays() {
        PageserverRemoval.Step step = next(SCALED_TO_ONE, twoPageservers(), listed(1));
        assertThat(step).isInstanceOf(PageserverRemoval.DeleteObject.class);
        assertThat(((PageserverRemoval.DeleteObject) step).object()).isInstanceOf(Pod.class);
        assertThat(((PageserverRemoval.DeleteObject) step).object().getMetadata().getName()).isEqualTo("demo-pageserver-1");

        assertThat(next(SCALED_TO_ONE, twoPageservers("demo-pageserver-1"), listed(1))).isInstanceOf(PageserverRemoval.None.class);
    }

    @Test
    void underDeletionPolicyDeleteTheVolumeGoesAfterThePod() {
        ClusterSpec deleting = spec(SpecFixtures.MODERN + "pageserver: {replicas: 1}\ndeletionPolicy: Delete\n");

        PageserverRemoval.Step step = next(deleting, twoPageservers("demo-pageserver-1"), listed(1));

        assertThat(step).isInstanceOf(PageserverRemoval.DeleteObject.class);
        assertThat(((PageserverRemoval.DeleteObject) step).object()).isInstanceOf(PersistentVolumeClaim.class);
        assertThat(((PageserverRemoval.DeleteObject) step).object().getMetadata().getName()).isEqualTo("demo-pageserver-1-data");
    }

    @Test
    void aTerminatingPodIsAwaitedAndAStorageControllerThatCannotBeAskedDeletesNothing() {
        List<HasMetadata> terminating = twoPageservers("demo-pageserver-1");
        Pod pod = (Pod) resources(TWO).all().stream().filter(o -> o.getMetadata().getName().equals("demo-pageserver-1"))
                .findFirst().orElseThrow();
        terminating.add(new PodBuilder(pod).editMetadata().withDeletionTimestamp("2026-01-01T00:00:00Z").endMetadata().build());

        assertThat(next(SCALED_TO_ONE, terminating, listed(1))).isInstanceOf(PageserverRemoval.Wait.class);
        assertThat(next(SCALED_TO_ONE, twoPageservers(), new ObservedStorageController.Unreachable("GET /control/v1/node: 503"))
                .message()).contains("pageserver node 2", "503");
    }

    @Test
    void theHighestIndexGoesFirstAndNothingIsDoneWithoutAStorageControllerOrExtraNode() {
        List<HasMetadata> three = new ArrayList<>(resources(SpecFixtures.MODERN + "pageserver: {replicas: 3}\n").all());

        assertThat(next(SCALED_TO_ONE, three, listed(1, 2, 3))).isEqualTo(new PageserverRemoval.DeleteNode(2, NodeId.of(3), false));
        assertThat(next(spec(TWO), twoPageservers(), listed(1, 2))).isInstanceOf(PageserverRemoval.None.class);
        assertThat(next(spec("pageserver: {replicas: 1}"), new ArrayList<>(resources("pageserver: {replicas: 2}").all()),
                new ObservedStorageController.NotRun())).isInstanceOf(PageserverRemoval.None.class);
    }
}

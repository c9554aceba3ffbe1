package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.SpecFixtures.OWNER;
import static io.neonops.operator.testing.SpecFixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.status.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LostVolumesTest {

    private static final ClusterResources DESIRED = resources("");
    private static final List<String> ALL_VOLUMES = DESIRED.volumeClaims().stream().map(c -> c.getMetadata().getName())
            .sorted().toList();
    private static final String SAFEKEEPER_1 = "demo-safekeeper-1-data";

    /**
     * Cluster {@code demo} whose status recorded {@code volumes} (null: an operator before the record) and
     * {@code spent}, with the accept annotation set to {@code accept} (null: none).
     */
    private static NeonCluster cluster(List<String> volumes, List<String> spent, String accept) {
        NeonCluster cluster = new NeonCluster();
        cluster.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("ns").withGeneration(1L).build());
        if (accept != null) {
            cluster.getMetadata().setAnnotations(Map.of(NeonCluster.ACCEPT_EMPTY_VOLUME_ANNOTATION, accept));
        }
        NeonClusterStatus status = new NeonClusterStatus();
        status.setVolumes(volumes);
        status.setEmptyVolumesAccepted(spent);
        cluster.setStatus(status);
        return cluster;
    }

    /** Every desired object exists but those named. */
    private static ObservedCluster allBut(String... missing) {
        List<HasMetadata> objects = new ArrayList<>(DESIRED.all());
        objects.removeIf(o -> List.of(missing).contains(o.getMetadata().getName()));
        return ObservedCluster.of(objects);
    }

    @Test
    void aNewClusterLostNothingAndRecordsNothingYet() {
        LostVolumes volumes = LostVolumes.of(cluster(null, null, null), DESIRED, ObservedCluster.of(List.of()));

        assertThat(volumes.lost()).isEmpty();
        assertThat(volumes.problems()).isEmpty();
        assertThat(volumes.volumes()).isEmpty();
        assertThat(volumes.volumesAfter(ALL_VOLUMES)).isEqualTo(ALL_VOLUMES);
    }

    @Test
    void aRecordedVolumeThatIsGoneIsLostAndTheProblemSaysHowToAcceptAnEmptyOne() {
        LostVolumes volumes = LostVolumes.of(cluster(ALL_VOLUMES, null, null), DESIRED,
                allBut(SAFEKEEPER_1, "demo-safekeeper-1"));

        assertThat(volumes.lost()).containsExactly(SAFEKEEPER_1);
        assertThat(volumes.accepted()).isEmpty();
        assertThat(volumes.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.reason()).isEqualTo(Refusal.VOLUME_LOST);
            assertThat(problem.message()).startsWith("data volume " + SAFEKEEPER_1 + " is gone although its member had it")
                    .contains("set the annotation neonops.io/accept-empty-volume: " + SAFEKEEPER_1);
        });
        assertThat(volumes.volumes()).isEqualTo(ALL_VOLUMES);
    }

    @Test
    void aVolumeThatAPodMountsWasThereEvenWithoutARecord() {
        LostVolumes volumes = LostVolumes.of(cluster(null, null, null), DESIRED, allBut(SAFEKEEPER_1));

        assertThat(volumes.lost()).containsExactly(SAFEKEEPER_1);
    }

    @Test
    void theVolumeOfANewMemberIsNotLost() {
        ClusterResources grown = resources("safekeepers: {replicas: 5}");
        List<HasMetadata> existing = new ArrayList<>(DESIRED.all());

        LostVolumes volumes = LostVolumes.of(cluster(ALL_VOLUMES, null, null), grown, ObservedCluster.of(existing));

        assertThat(volumes.lost()).isEmpty();
    }

    @Test
    void aVolumeBeingDeletedIsLostAlthoughItStillExists() {
        List<HasMetadata> objects = new ArrayList<>(allBut(SAFEKEEPER_1, "demo-safekeeper-1").objects().values());
        objects.add(new PersistentVolumeClaimBuilder(DESIRED.volumeClaims().stream()
                .filter(c -> c.getMetadata().getName().equals(SAFEKEEPER_1)).findFirst().orElseThrow())
                .editMetadata().withDeletionTimestamp("2026-01-01T00:00:00Z").endMetadata().build());

        LostVolumes volumes = LostVolumes.of(cluster(ALL_VOLUMES, null, null), DESIRED, ObservedCluster.of(objects));

        assertThat(volumes.lost()).containsExactly(SAFEKEEPER_1);
        assertThat(volumes.problems().get(0).message()).startsWith("data volume " + SAFEKEEPER_1 + " is being deleted");
    }

    @Test
    void theAnnotationAcceptsAnEmptyVolumeOnlyForALossSeenWhileItNamesIt() {
        ObservedCluster lostOne = allBut(SAFEKEEPER_1, "demo-safekeeper-1");

        LostVolumes accepted = LostVolumes.of(cluster(ALL_VOLUMES, null, "other, " + SAFEKEEPER_1), DESIRED, lostOne);
        LostVolumes again = LostVolumes.of(cluster(ALL_VOLUMES, List.of(SAFEKEEPER_1), SAFEKEEPER_1), DESIRED, lostOne);
        LostVolumes renamed = LostVolumes.of(cluster(ALL_VOLUMES, List.of(SAFEKEEPER_1), null), DESIRED, lostOne);

        assertThat(accepted.lost()).isEmpty();
        assertThat(accepted.accepted()).containsExactly(SAFEKEEPER_1);
        assertThat(accepted.spentAfter(List.of())).isEmpty();
        assertThat(accepted.spentAfter(List.of(SAFEKEEPER_1))).containsExactly(SAFEKEEPER_1);
        assertThat(again.lost()).containsExactly(SAFEKEEPER_1);
        assertThat(again.problems().get(0).message()).contains("named " + SAFEKEEPER_1 + " while it existed");
        assertThat(renamed.spentAfter(List.of())).isEmpty();
        assertThat(LostVolumes.of(cluster(ALL_VOLUMES, null, SAFEKEEPER_1), DESIRED, allBut()).spentAfter(List.of()))
                .containsExactly(SAFEKEEPER_1);
    }

    @Test
    void plannerCreatesNeitherALostVolumeNorThePodOnIt() {
        ObservedCluster lostOne = allBut(SAFEKEEPER_1, "demo-safekeeper-1");

        List<Change> changes = ChangePlanner.plan(DESIRED, lostOne, OWNER, Set.of(SAFEKEEPER_1));

        assertThat(changes).isEmpty();
    }
}

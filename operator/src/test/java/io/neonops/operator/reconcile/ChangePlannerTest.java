package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.SpecFixtures.OWNER;
import static io.neonops.operator.testing.SpecFixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.resources.SpecHash;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ChangePlannerTest {

    private static final ClusterResources DESIRED = resources("");

    /** What an API server holds after creating {@code desired}: the same, plus what it adds itself. */
    private static List<HasMetadata> asStored(ClusterResources desired) {
        List<HasMetadata> stored = new ArrayList<>();
        for (HasMetadata object : desired.all()) {
            stored.add(serverCopy(object));
        }
        return stored;
    }

    private static HasMetadata serverCopy(HasMetadata object) {
        if (object instanceof Service service) {
            return new ServiceBuilder(service).editMetadata().withUid("u").withResourceVersion("7").endMetadata()
                    .editSpec().withClusterIPs("None").withSessionAffinity("None").withIpFamilies("IPv4").endSpec().build();
        }
        if (object instanceof PersistentVolumeClaim claim) {
            return new PersistentVolumeClaimBuilder(claim).editSpec().withVolumeName("pv-1")
                    .withStorageClassName("standard").endSpec().build();
        }
        if (object instanceof Pod pod) {
            return new PodBuilder(pod).editSpec().withNodeName("node-1").withRestartPolicy("Always").endSpec()
                    .withNewStatus().withPhase("Running").endStatus().build();
        }
        return object;
    }

    private static <T extends HasMetadata> List<HasMetadata> replacing(List<HasMetadata> stored, String name,
                                                                       Class<T> kind, UnaryOperator<T> change) {
        List<HasMetadata> result = new ArrayList<>();
        for (HasMetadata object : stored) {
            result.add(kind.isInstance(object) && object.getMetadata().getName().equals(name)
                    ? change.apply(kind.cast(object)) : object);
        }
        return result;
    }

    @Test
    void emptyNamespaceGetsEverythingCreated() {
        List<Change> changes = ChangePlanner.plan(DESIRED, ObservedCluster.of(List.of()), OWNER);

        assertThat(changes).allMatch(c -> c instanceof Change.Create create && !create.replacesLostPod());
        assertThat(changes).extracting(Change::desired).containsExactlyElementsOf(DESIRED.all());
    }

    @Test
    void unchangedClusterNeedsNoWriteDespiteWhatTheServerAdded() {
        assertThat(ChangePlanner.plan(DESIRED, ObservedCluster.of(asStored(DESIRED)), OWNER)).isEmpty();
    }

    @Test
    void deletedPodIsCreatedAgainOnItsVolume() {
        List<HasMetadata> stored = new ArrayList<>(asStored(DESIRED));
        stored.removeIf(o -> o.getMetadata().getName().equals("demo-safekeeper-1"));

        List<Change> changes = ChangePlanner.plan(DESIRED, ObservedCluster.of(stored), OWNER);

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c).isInstanceOf(Change.Create.class);
            assertThat(((Change.Create) c).replacesLostPod()).isTrue();
            assertThat(c.desired().getMetadata().getName()).isEqualTo("demo-safekeeper-1");
        });
    }

    @Test
    void podOfAnOlderSpecIsLeftForTheUpgrade() {
        List<HasMetadata> stored = replacing(asStored(DESIRED), "demo-pageserver-0", Pod.class, p -> new PodBuilder(p)
                .editMetadata().addToAnnotations(SpecHash.ANNOTATION, "older").endMetadata()
                .editSpec().editFirstContainer().withImage("neon:0").endContainer().endSpec().build());

        assertThat(ChangePlanner.plan(DESIRED, ObservedCluster.of(stored), OWNER)).isEmpty();
    }

    @Test
    void changedConfigMapDataIsUpdated() {
        List<HasMetadata> stored = replacing(asStored(DESIRED), "demo-pageserver", ConfigMap.class,
                c -> new ConfigMapBuilder(c).addToData("pageserver.toml", "edited by hand").build());

        List<Change> changes = ChangePlanner.plan(DESIRED, ObservedCluster.of(stored), OWNER);

        assertThat(changes).singleElement().isInstanceOfSatisfying(Change.Update.class,
                u -> assertThat(u.parts()).containsExactly("data"));
    }

    @Test
    void removedLabelAndForeignLabelsAreToldApart() {
        List<HasMetadata> stored = replacing(asStored(DESIRED), "demo-etcd", Service.class, s -> new ServiceBuilder(s)
                .editMetadata().removeFromLabels("app.kubernetes.io/managed-by").addToLabels("team", "storage").endMetadata()
                .build());
        List<HasMetadata> onlyForeign = replacing(asStored(DESIRED), "demo-etcd", Service.class, s -> new ServiceBuilder(s)
                .editMetadata().addToLabels("team", "storage").addToAnnotations("note", "x").endMetadata().build());

        assertThat(ChangePlanner.plan(DESIRED, ObservedCluster.of(stored), OWNER)).singleElement()
                .isInstanceOfSatisfying(Change.Update.class, u -> assertThat(u.parts()).containsExactly("labels"));
        assertThat(ChangePlanner.plan(DESIRED, ObservedCluster.of(onlyForeign), OWNER)).isEmpty();
    }

    @Test
    void volumeGrowsButIsNeverUpdatedForTheSameSizeWrittenDifferently() {
        ClusterResources bigger = resources("etcd: {storage: {size: 2Gi}}");
        List<HasMetadata> sameSize = replacing(asStored(DESIRED), "demo-etcd-0-data", PersistentVolumeClaim.class,
                c -> new PersistentVolumeClaimBuilder(c).editSpec().editResources()
                        .addToRequests("storage", new Quantity("1024Mi")).endResources().endSpec().build());

        assertThat(ChangePlanner.plan(DESIRED, ObservedCluster.of(sameSize), OWNER)).isEmpty();
        assertThat(ChangePlanner.plan(bigger, ObservedCluster.of(asStored(DESIRED)), OWNER))
                .filteredOn(c -> c instanceof Change.Update)
                .singleElement().isInstanceOfSatisfying(Change.Update.class, u -> {
                    assertThat(u.desired().getMetadata().getName()).isEqualTo("demo-etcd-0-data");
                    assertThat(u.parts()).containsExactly("size");
                });
    }

    @Test
    void volumesGainAndLoseTheirOwnerWithTheDeletionPolicy() {
        ClusterResources deleting = resources("deletionPolicy: Delete");

        List<Change> toDelete = ChangePlanner.plan(deleting, ObservedCluster.of(asStored(DESIRED)), OWNER);
        List<Change> backToRetain = ChangePlanner.plan(DESIRED, ObservedCluster.of(asStored(deleting)), OWNER);

        assertThat(toDelete).hasSize(5).allSatisfy(c -> assertThat(((Change.Update) c).parts()).containsExactly("owner"));
        assertThat(backToRetain).hasSize(5).allSatisfy(c -> assertThat(c.desired()).isInstanceOf(PersistentVolumeClaim.class));
    }
}

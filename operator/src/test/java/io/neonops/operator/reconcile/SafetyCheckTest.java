package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.SpecFixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.neonops.operator.status.Refusal;
import io.neonops.operator.testing.SpecFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafetyCheckTest {

    private static ObservedCluster existing(String specYaml) {
        return ObservedCluster.of(resources(specYaml).all());
    }

    @Test
    void sameOrMoreNodesAreSafe() {
        assertThat(SafetyCheck.check(resources(""), existing(""))).isEmpty();
        assertThat(SafetyCheck.check(resources("safekeepers: {replicas: 5}\netcd: {replicas: 3}"), existing(""))).isEmpty();
    }

    @Test
    void fewerSafekeepersThanExistAreRefusedNamingTheFieldAndTheNodes() {
        Refusal refusal = SafetyCheck.check(resources("safekeepers: {replicas: 3}"), existing("safekeepers: {replicas: 5}"))
                .orElseThrow();

        assertThat(refusal.reason()).isEqualTo(Refusal.SCALE_DOWN_REFUSED);
        assertThat(refusal.message()).startsWith("spec.safekeepers.replicas: 3 is fewer than the safekeeper nodes")
                .contains("demo-safekeeper-3", "demo-safekeeper-4-data");
    }

    @Test
    void fewerPageserversOfAModernClusterAreNotRefusedTheStorageControllerRemovesThem() {
        assertThat(SafetyCheck.check(resources(SpecFixtures.MODERN + "pageserver: {replicas: 1}"),
                existing(SpecFixtures.MODERN + "pageserver: {replicas: 3}"))).isEmpty();
        assertThat(SafetyCheck.check(resources(SpecFixtures.MODERN + "safekeepers: {replicas: 3}"),
                existing(SpecFixtures.MODERN + "safekeepers: {replicas: 5}")).orElseThrow().reason())
                .isEqualTo(Refusal.SCALE_DOWN_REFUSED);
    }

    @Test
    void aRefusedScaleDownSaysWhyTheNodesCannotGo() {
        assertThat(SafetyCheck.check(resources("safekeepers: {replicas: 3}"), existing("safekeepers: {replicas: 5}"))
                .orElseThrow().message()).contains("a safekeeper holds the WAL of the timelines placed on it");
        assertThat(SafetyCheck.check(resources(""), existing("pageserver: {replicas: 2}")).orElseThrow().message())
                .contains("without a storage controller a pageserver holds its tenants on its own volume");
        assertThat(SafetyCheck.check(resources(""), existing("etcd: {replicas: 3}")).orElseThrow().message())
                .contains("etcd membership change");
    }

    @Test
    void fewerEtcdMembersAreRefused() {
        assertThat(SafetyCheck.check(resources(""), existing("etcd: {replicas: 3}")).orElseThrow().message())
                .startsWith("spec.etcd.replicas: 1 is fewer");
    }

    @Test
    void leftOverVolumeOfARemovedNodeCountsAsANode() {
        List<HasMetadata> onlyVolumes = resources("pageserver: {replicas: 2}").volumeClaims().stream()
                .map(HasMetadata.class::cast).toList();

        assertThat(SafetyCheck.check(resources(""), ObservedCluster.of(onlyVolumes)).orElseThrow().message())
                .startsWith("spec.pageserver.replicas: 1").contains("demo-pageserver-1-data");
    }

    @Test
    void smallerVolumeIsRefused() {
        Refusal refusal = SafetyCheck.check(resources("safekeepers: {storage: {size: 5Gi}}"), existing("")).orElseThrow();

        assertThat(refusal.reason()).isEqualTo(Refusal.UNSAFE_VOLUME_CHANGE);
        assertThat(refusal.message()).startsWith("spec.safekeepers.storage.size: 5Gi is smaller than the existing volume "
                + "demo-safekeeper-0-data (10Gi)");
    }

    @Test
    void otherStorageClassIsRefusedButTheDefaultClassIsNot() {
        List<HasMetadata> defaulted = existing("").objects().values().stream()
                .map(o -> o instanceof PersistentVolumeClaim c
                        ? new PersistentVolumeClaimBuilder(c).editSpec().withStorageClassName("standard").endSpec().build()
                        : o)
                .toList();

        assertThat(SafetyCheck.check(resources(""), ObservedCluster.of(defaulted))).isEmpty();
        assertThat(SafetyCheck.check(resources("etcd: {storage: {storageClassName: fast}}"), ObservedCluster.of(defaulted))
                .orElseThrow().message()).startsWith("spec.etcd.storage.storageClassName: \"fast\" differs");
    }
}

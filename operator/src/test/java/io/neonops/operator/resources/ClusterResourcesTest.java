package io.neonops.operator.resources;

import static io.neonops.operator.testing.SpecFixtures.OWNER;
import static io.neonops.operator.testing.SpecFixtures.resources;
import static io.neonops.operator.testing.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.EtcdMembership;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterResourcesTest {

    private static final EtcdMembership NEW_CLUSTER = new EtcdMembership(1);

    private static String describe(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getName();
    }

    @Test
    void defaultClusterHasOneEtcdMemberOnePageserverAndThreeSafekeepers() {
        ClusterResources resources = resources("");

        assertThat(resources.all()).extracting(ClusterResourcesTest::describe).containsExactly(
                "ConfigMap demo-pageserver",
                "Service demo-etcd", "Service demo-pageserver", "Service demo-safekeeper",
                "PodDisruptionBudget demo-etcd", "PodDisruptionBudget demo-safekeeper",
                "PersistentVolumeClaim demo-etcd-0-data", "PersistentVolumeClaim demo-pageserver-0-data",
                "PersistentVolumeClaim demo-safekeeper-0-data", "PersistentVolumeClaim demo-safekeeper-1-data",
                "PersistentVolumeClaim demo-safekeeper-2-data",
                "Pod demo-etcd-0", "Pod demo-pageserver-0",
                "Pod demo-safekeeper-0", "Pod demo-safekeeper-1", "Pod demo-safekeeper-2");
        assertThat(resources.all()).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("ns"));
    }

    @Test
    void replicasGiveOnePodAndOneVolumePerNode() {
        ClusterResources resources = resources("etcd: {replicas: 3}\npageserver: {replicas: 2}\nsafekeepers: {replicas: 5}");

        assertThat(resources.pods(Component.ETCD)).hasSize(3);
        assertThat(resources.pods(Component.PAGESERVER)).hasSize(2);
        assertThat(resources.pods(Component.SAFEKEEPER)).extracting(p -> p.getMetadata().getName())
                .containsExactly("demo-safekeeper-0", "demo-safekeeper-1", "demo-safekeeper-2", "demo-safekeeper-3",
                        "demo-safekeeper-4");
        assertThat(resources.volumeClaims()).hasSize(10);
    }

    @Test
    void volumesSurviveTheClusterUnderTheDefaultRetainPolicy() {
        assertThat(resources("").volumeClaims()).allSatisfy(c -> assertThat(c.getMetadata().getOwnerReferences()).isEmpty());
        assertThat(resources("").services()).allSatisfy(s -> assertThat(s.getMetadata().getOwnerReferences()).hasSize(1));
    }

    @Test
    void volumesAreDeletedWithTheClusterUnderTheDeletePolicy() {
        assertThat(resources("deletionPolicy: Delete").volumeClaims()).allSatisfy(c ->
                assertThat(c.getMetadata().getOwnerReferences()).singleElement()
                        .satisfies(r -> assertThat(r.getName()).isEqualTo("demo")));
    }

    @Test
    void volumeClaimsAskForTheComponentsSizeAndClass() {
        PersistentVolumeClaim claim = DataVolumeClaims.build(spec("safekeepers: {storage: {size: 20Gi, storageClassName: fast}}"), NEW_CLUSTER,
                Component.SAFEKEEPER, 0, OWNER).orElseThrow();

        assertThat(claim.getSpec().getResources().getRequests()).containsExactly(Map.entry("storage", new Quantity("20Gi")));
        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast");
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(DataVolumeClaims.build(spec(""), NEW_CLUSTER, Component.ETCD, 0, OWNER).orElseThrow().getSpec().getStorageClassName()).isNull();
    }

    @Test
    void etcdVolumesRecordHowManyMembersBootstrappedTheCluster() {
        ClusterResources resources = ClusterResources.build(spec("etcd: {replicas: 5}"), new EtcdMembership(3), OWNER,
                KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN);

        assertThat(resources.volumeClaims()).filteredOn(c -> c.getMetadata().getName().startsWith("demo-etcd-"))
                .hasSize(5)
                .allSatisfy(c -> assertThat(c.getMetadata().getAnnotations())
                        .containsExactly(Map.entry(EtcdBootstrapMembers.ANNOTATION, "3")));
        assertThat(resources.volumeClaims()).filteredOn(c -> !c.getMetadata().getName().startsWith("demo-etcd-"))
                .allSatisfy(c -> assertThat(c.getMetadata().getAnnotations()).isNullOrEmpty());
    }

    @Test
    void growingEtcdKeepsTheExistingMembersPodsAndStartsTheNewOnesAsJoining() {
        EtcdMembership bootstrappedWithOne = new EtcdMembership(1);
        List<Pod> before = ClusterResources.build(spec(""), bootstrappedWithOne, OWNER,
                KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN).pods(Component.ETCD);
        List<Pod> after = ClusterResources.build(spec("etcd: {replicas: 3}"), bootstrappedWithOne, OWNER,
                KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN).pods(Component.ETCD);

        assertThat(after.get(0).getSpec()).isEqualTo(before.get(0).getSpec());
        assertThat(hash(after.get(0))).isEqualTo(hash(before.get(0)));
        assertThat(after.subList(1, 3)).allSatisfy(p -> assertThat(p.getSpec().getContainers().get(0).getArgs())
                .containsSubsequence("--initial-cluster-state", "existing"));
        assertThat(after.get(2).getSpec().getContainers().get(0).getArgs()).containsSubsequence("--initial-cluster",
                "demo-etcd-0=http://demo-etcd-0.demo-etcd.ns.svc.cluster.local:2380,"
                        + "demo-etcd-1=http://demo-etcd-1.demo-etcd.ns.svc.cluster.local:2380,"
                        + "demo-etcd-2=http://demo-etcd-2.demo-etcd.ns.svc.cluster.local:2380");
    }

    @Test
    void aNewClusterBootstrapsEveryEtcdMember() {
        assertThat(resources("etcd: {replicas: 3}")).isEqualTo(ClusterResources.build(spec("etcd: {replicas: 3}"),
                new EtcdMembership(3), OWNER, KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN));
        assertThat(resources("etcd: {replicas: 3}").pods(Component.ETCD)).allSatisfy(p -> assertThat(
                p.getSpec().getContainers().get(0).getArgs()).containsSubsequence("--initial-cluster-state", "new"));
    }

    private static String hash(Pod pod) {
        return pod.getMetadata().getAnnotations().get(SpecHash.ANNOTATION);
    }

    @Test
    void headlessServicesPublishEtcdPeersBeforeTheyAreReady() {
        ClusterResources resources = resources("");

        assertThat(resources.services()).allSatisfy(s -> assertThat(s.getSpec().getClusterIP()).isEqualTo("None"));
        Service etcd = resources.services().get(0);
        assertThat(etcd.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(etcd.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getPort())
                .containsExactly("client:2379", "peer:2380");
        assertThat(etcd.getSpec().getSelector()).containsOnly(Map.entry("app.kubernetes.io/name", "neon"),
                Map.entry("app.kubernetes.io/instance", "demo"), Map.entry("app.kubernetes.io/component", "etcd"));
        assertThat(resources.services().get(2).getSpec().getPublishNotReadyAddresses()).as("false, which the server drops").isNull();
    }

    @Test
    void disruptionBudgetsLetOneQuorumMemberGoAtATime() {
        ClusterResources resources = resources("");

        assertThat(resources.disruptionBudgets()).allSatisfy(b -> assertThat(b.getSpec().getMaxUnavailable().getIntVal())
                .isEqualTo(1));
        assertThat(resources.disruptionBudgets().get(1).getSpec().getSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/component", "safekeeper");
    }

    @Test
    void pageserverConfigMapHoldsThePageserverTomlOfTheComponentSpecs() {
        String toml = resources("pageserver: {config: {checkpoint_distance: 268435456}}").configMaps().get(0).getData()
                .get("pageserver.toml");

        assertThat(toml).contains("broker_endpoints = [\"http://demo-etcd-0.demo-etcd.ns.svc.cluster.local:2379\"]")
                .contains("pg_distrib_dir = \"/usr/local\"")
                .contains("checkpoint_distance = 268435456");
    }

    @Test
    void nodesAdvertiseTheirPerPodDnsNameInTheClustersDomain() {
        KubernetesEnvironment env = new KubernetesEnvironment(spec(""), "corp.internal");

        assertThat(env.advertisedHost(Component.SAFEKEEPER, 2)).isEqualTo("demo-safekeeper-2.demo-safekeeper.ns.svc.corp.internal");
        assertThat(env.listenHost()).isEqualTo("0.0.0.0");
    }

    @Test
    void buildingTwiceGivesEqualObjects() {
        assertThat(resources("pageserver: {resources: {requests: {memory: 1Gi, cpu: 1}}}"))
                .isEqualTo(resources("pageserver: {resources: {requests: {cpu: 1, memory: 1Gi}}}"));
    }
}

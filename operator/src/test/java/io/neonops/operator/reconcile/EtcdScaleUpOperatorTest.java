package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.cluster.EtcdSpec;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.resources.EtcdBootstrapMembers;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.status.ClusterStatusBuilder;
import io.neonops.operator.status.NodeHealth;
import io.neonops.operator.status.Refusal;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.FakeEtcdGateway;
import io.neonops.operator.testing.FakeEtcdGateway.Addition;
import io.neonops.operator.testing.FakeKubelet;
import io.neonops.operator.testing.FakeKubelet.Deletion;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Pauses;
import io.neonops.operator.testing.Poll;
import io.neonops.operator.testing.Started;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Growing etcd by the real operator against the mock API server, a fake kubelet and a fake etcd gateway: each new
 * member is added to the running etcd cluster before its pod is created, one at a time, and the members that run
 * keep their pods. Each test works in a namespace of its own, with an operator of its own.
 */
@EnableKubernetesMockClient(crud = true)
class EtcdScaleUpOperatorTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    static final Duration READY_AFTER = Duration.ofMillis(200);

    @RegisterExtension
    final Started started = new Started(server, client);

    private static String peerUrl(String namespace, int index) {
        return "http://demo-etcd-" + index + ".demo-etcd." + namespace + ".svc.cluster.local:2380";
    }

    private static String clientUrl(String namespace, int index) {
        return "http://demo-etcd-" + index + ".demo-etcd." + namespace + ".svc.cluster.local:2379";
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        return started.closeLater(closeable);
    }

    /** etcd as it runs after the one-member cluster of {@code namespace} bootstrapped. */
    private FakeEtcdGateway etcd(String namespace) {
        return closeLater(FakeEtcdGateway.start(List.of(peerUrl(namespace, 0)),
                () -> client.pods().inNamespace(namespace).list().getItems()));
    }

    private FakeKubelet kubelet(String namespace) {
        return closeLater(FakeKubelet.start(client, namespace, READY_AFTER, pod -> false));
    }

    /** An operator for {@code namespace} alone, which reaches etcd through {@code etcd}. */
    private static OperatorHarness operator(String namespace, FakeEtcdGateway etcd) {
        return OperatorHarness.start(server, client, Set.of(namespace), etcd.connector());
    }

    /** Has {@code operator} create a cluster of one etcd member in {@code namespace} and waits until it runs. */
    private static OperatorHarness running(OperatorHarness operator, String namespace) {
        operator.create(namespace, ClusterFixtures.DEMO);
        operator.awaitRunning(namespace);
        return operator;
    }

    /** A cluster of one etcd member in {@code namespace}, Running, with an operator and a kubelet of its own. */
    private OperatorHarness running(String namespace, FakeEtcdGateway etcd) {
        kubelet(namespace);
        return running(closeLater(operator(namespace, etcd)), namespace);
    }

    private static long growEtcdToThree(OperatorHarness operator, String namespace) {
        return operator.editSpec(namespace, c -> {
            c.getSpec().setEtcd(new EtcdSpec());
            c.getSpec().getEtcd().setReplicas(3);
        }).getMetadata().getGeneration();
    }

    private static Pod pod(String namespace, String name) {
        return client.pods().inNamespace(namespace).withName(name).get();
    }

    private static List<String> args(String namespace, String name) {
        return pod(namespace, name).getSpec().getContainers().get(0).getArgs();
    }

    private static String specHash(String namespace, String name) {
        return pod(namespace, name).getMetadata().getAnnotations().get("neonops.io/spec-hash");
    }

    @Test
    void growingFromOneToThreeAddsEachMemberBeforeItsPodAndLeavesTheFirstRunning() {
        String ns = "etcd-grow";
        FakeEtcdGateway etcd = etcd(ns);
        FakeKubelet kubelet = kubelet(ns);
        OperatorHarness operator = running(closeLater(operator(ns, etcd)), ns);
        String firstHash = specHash(ns, "demo-etcd-0");

        long generation = growEtcdToThree(operator, ns);
        NeonClusterStatus grown = operator.awaitRunning(ns, generation);

        List<Addition> additions = etcd.additions();
        assertThat(additions).extracting(Addition::peerUrl).containsExactly(peerUrl(ns, 1), peerUrl(ns, 2));
        assertThat(additions.get(0).pods()).contains("demo-etcd-0").doesNotContain("demo-etcd-1", "demo-etcd-2");
        assertThat(additions.get(0).ready()).contains("demo-etcd-0");
        assertThat(additions.get(1).pods()).contains("demo-etcd-1").doesNotContain("demo-etcd-2");
        assertThat(additions.get(1).ready()).contains("demo-etcd-0", "demo-etcd-1");
        assertThat(etcd.asked()).contains(List.of(clientUrl(ns, 0)), List.of(clientUrl(ns, 0), clientUrl(ns, 1)));

        assertThat(kubelet.deletions()).extracting(Deletion::pod).doesNotContain("demo-etcd-0");
        assertThat(specHash(ns, "demo-etcd-0")).isEqualTo(firstHash);
        assertThat(args(ns, "demo-etcd-0")).containsSubsequence("--initial-cluster-state", "new")
                .containsSubsequence("--initial-cluster", "demo-etcd-0=" + peerUrl(ns, 0));
        assertThat(args(ns, "demo-etcd-2")).containsSubsequence("--initial-cluster-state", "existing")
                .containsSubsequence("--initial-cluster", "demo-etcd-0=" + peerUrl(ns, 0) + ",demo-etcd-1="
                        + peerUrl(ns, 1) + ",demo-etcd-2=" + peerUrl(ns, 2));
        assertThat(client.persistentVolumeClaims().inNamespace(ns).list().getItems())
                .filteredOn(c -> c.getMetadata().getName().startsWith("demo-etcd-"))
                .extracting(c -> c.getMetadata().getAnnotations().get(EtcdBootstrapMembers.ANNOTATION))
                .containsExactly("1", "1", "1");
        assertThat(grown.getEtcdBootstrapMembers()).isEqualTo(1);
        assertThat(grown.getEtcd().getReady()).isEqualTo(3);
        assertThat(operator.eventReasons(ns)).filteredOn(NeonClusterReconciler.ETCD_MEMBER_ADDED::equals).hasSize(2);
    }

    @Test
    void aNewMemberThatIsNotReadyHoldsBackTheNextAndTheStatusSaysSo() {
        String ns = "etcd-held";
        FakeEtcdGateway etcd = etcd(ns);
        closeLater(FakeKubelet.start(client, ns, READY_AFTER, pod -> pod.getMetadata().getName().equals("demo-etcd-1")));
        OperatorHarness operator = running(closeLater(operator(ns, etcd)), ns);

        growEtcdToThree(operator, ns);

        NeonClusterStatus held = operator.awaitStatus(ns, "demo", "Progressing on the etcd join",
                s -> ClusterStatusBuilder.ETCD_MEMBER_JOINING.equals(condition(s, ClusterConditions.PROGRESSING).getReason()));
        assertThat(condition(held, ClusterConditions.PROGRESSING).getMessage())
                .isEqualTo("etcd member demo-etcd-2 joins once demo-etcd-1 is Ready");
        assertThat(etcd.additions()).extracting(Addition::peerUrl).containsExactly(peerUrl(ns, 1));
        assertThat(operator.podNames(ns)).contains("demo-etcd-1").doesNotContain("demo-etcd-2");

        operator.markReady(ns, "demo-etcd-1");

        Poll.until("demo-etcd-2 created", () -> pod(ns, "demo-etcd-2") != null);
        assertThat(etcd.additions()).extracting(Addition::peerUrl).containsExactly(peerUrl(ns, 1), peerUrl(ns, 2));
    }

    @Test
    void aMemberEtcdWillNotTakeIsRetriedWithDegradedAndNoPodUntilEtcdTakesIt() {
        String ns = "etcd-refused";
        FakeEtcdGateway etcd = etcd(ns);
        OperatorHarness operator = running(ns, etcd);
        etcd.refuseAdds("etcdserver: unhealthy cluster");

        long generation = growEtcdToThree(operator, ns);

        NeonClusterStatus degraded = operator.awaitDegraded(ns, generation);
        assertThat(condition(degraded, ClusterConditions.DEGRADED).getReason()).isEqualTo(Refusal.ETCD_MEMBER_ADD_FAILED);
        assertThat(condition(degraded, ClusterConditions.DEGRADED).getMessage())
                .startsWith("adding etcd member demo-etcd-1 (" + peerUrl(ns, 1) + ") failed: ")
                .endsWith("with HTTP 503: etcdserver: unhealthy cluster");
        assertThat(operator.podNames(ns)).doesNotContain("demo-etcd-1", "demo-etcd-2");
        Poll.until("a Warning event for the failed add", () -> operator.events(ns).stream()
                .anyMatch(e -> "Warning".equals(e.getType()) && Refusal.ETCD_MEMBER_ADD_FAILED.equals(e.getReason())));

        etcd.acceptAdds();

        operator.awaitRunning(ns, generation);
        assertThat(etcd.additions()).extracting(Addition::peerUrl).containsExactly(peerUrl(ns, 1), peerUrl(ns, 2));
    }

    @Test
    void aNewOperatorReadsTheBootstrapMembersFromTheVolumesAndBringsBackALostMemberAsItWas() {
        String ns = "etcd-restart";
        FakeEtcdGateway etcd = etcd(ns);
        kubelet(ns);
        long generation;
        String lostHash;
        try (OperatorHarness first = running(operator(ns, etcd), ns)) {
            generation = growEtcdToThree(first, ns);
            first.awaitRunning(ns, generation);
            lostHash = specHash(ns, "demo-etcd-1");
        }

        client.pods().inNamespace(ns).withName("demo-etcd-1").delete();
        Poll.until("demo-etcd-1 gone", () -> pod(ns, "demo-etcd-1") == null);
        OperatorHarness second = closeLater(operator(ns, etcd));

        // The status still says 3 Ready from before the loss, so wait for the kubelet's own write first: the
        // check of no writes below must not see it.
        Poll.until("demo-etcd-1 back and Ready", () -> Optional.ofNullable(pod(ns, "demo-etcd-1")).filter(NodeHealth::isReady).isPresent());
        second.awaitReconciliations(ns, "demo", 1);
        second.awaitStatus(ns, "demo", "3 etcd members Ready", s -> s.getEtcd().getReady() == 3);
        assertThat(specHash(ns, "demo-etcd-1")).isEqualTo(lostHash);
        assertThat(etcd.additions()).hasSize(2);
        second.awaitReconciliations(ns, "demo", 1);
        second.requests.drain();
        second.awaitReconciliations(ns, "demo", 2);
        assertThat(second.objectWrites(ns)).isEmpty();
    }

    @Test
    void losingTwoMembersOfAGrownClusterAtOnceBringsBothBackWithoutAMembershipChange() {
        String ns = "etcd-two-lost";
        FakeEtcdGateway etcd = etcd(ns);
        OperatorHarness operator = running(ns, etcd);
        operator.awaitRunning(ns, growEtcdToThree(operator, ns));
        List<String> lost = List.of("demo-etcd-0", "demo-etcd-1");
        List<String> lostUids = lost.stream().map(name -> pod(ns, name).getMetadata().getUid()).toList();

        // both go while the operator is paused, so that no pass sees only one of them gone
        Pauses.pause(operator, ns);
        lost.forEach(name -> client.pods().inNamespace(ns).withName(name).delete());
        Poll.until("both members' pods gone", () -> lost.stream().allMatch(name -> pod(ns, name) == null));
        Pauses.resume(operator, ns);

        Poll.until("both members back and Ready", () -> lost.stream().allMatch(name -> Optional.ofNullable(pod(ns, name))
                .filter(p -> !lostUids.contains(p.getMetadata().getUid()) && NodeHealth.isReady(p)).isPresent()));
        operator.awaitRunning(ns);
        assertThat(etcd.additions()).hasSize(2);
        assertThat(args(ns, "demo-etcd-0")).containsSubsequence("--initial-cluster-state", "new");
        assertThat(args(ns, "demo-etcd-1")).containsSubsequence("--initial-cluster-state", "existing");
    }

    @Test
    void anUnreadableRecordOfTheBootstrapMembersIsRefusedUntilItIsFixed() {
        String ns = "etcd-record";
        FakeEtcdGateway etcd = etcd(ns);
        OperatorHarness operator = running(ns, etcd);
        long generation = operator.get(ns, "demo").getMetadata().getGeneration();

        client.persistentVolumeClaims().inNamespace(ns).withName("demo-etcd-0-data")
                .edit(c -> new PersistentVolumeClaimBuilder(c).editMetadata()
                        .addToAnnotations(EtcdBootstrapMembers.ANNOTATION, "three").endMetadata().build());

        NeonClusterStatus refused = operator.awaitDegraded(ns, generation);
        assertThat(condition(refused, ClusterConditions.DEGRADED).getReason()).isEqualTo(Refusal.INVALID_ETCD_BOOTSTRAP);
        assertThat(condition(refused, ClusterConditions.DEGRADED).getMessage())
                .startsWith("volume claim demo-etcd-0-data: annotation " + EtcdBootstrapMembers.ANNOTATION + " is \"three\"");

        client.persistentVolumeClaims().inNamespace(ns).withName("demo-etcd-0-data")
                .edit(c -> new PersistentVolumeClaimBuilder(c).editMetadata()
                        .addToAnnotations(EtcdBootstrapMembers.ANNOTATION, "1").endMetadata().build());

        operator.awaitRunning(ns, generation);
    }
}

package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.status.Refusal;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Pauses;
import io.neonops.operator.testing.Poll;
import io.neonops.operator.testing.Started;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A member's data volume that disappears is not created again empty, and the member's pod is not started without
 * it, until the user accepts an empty one; each test works in a namespace of its own, with an operator of its own.
 */
@EnableKubernetesMockClient(crud = true)
class LostVolumeOperatorTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    @RegisterExtension
    final Started started = new Started(server, client);

    /** The demo cluster (1 etcd member, 1 pageserver, 3 safekeepers) Running in {@code namespace}. */
    private OperatorHarness running(String namespace) {
        OperatorHarness operator = started.operatorWithKubelet(namespace, Duration.ofMillis(100));
        operator.create(namespace, ClusterFixtures.DEMO);
        operator.awaitRunning(namespace);
        return operator;
    }

    /** Deletes the member's pod and volume while the operator is paused, as a lost disk or a mistaken delete would. */
    private static void loseVolume(OperatorHarness operator, String namespace, String member) {
        Pauses.pause(operator, namespace);
        client.persistentVolumeClaims().inNamespace(namespace).withName(member + "-data").delete();
        client.pods().inNamespace(namespace).withName(member).delete();
        Poll.until(member + " and its volume gone", () -> volume(namespace, member).isEmpty()
                && client.pods().inNamespace(namespace).withName(member).get() == null);
        Pauses.resume(operator, namespace);
    }

    private static Optional<PersistentVolumeClaim> volume(String namespace, String member) {
        return Optional.ofNullable(client.persistentVolumeClaims().inNamespace(namespace).withName(member + "-data").get());
    }

    private static NeonClusterStatus awaitVolumeLost(OperatorHarness operator, String namespace) {
        return operator.awaitStatus(namespace, "demo", "Degraded for a lost volume", s -> ClusterConditions
                .find(s.getConditions(), ClusterConditions.DEGRADED)
                .filter(c -> Refusal.VOLUME_LOST.equals(c.getReason())).isPresent());
    }

    private static void accept(OperatorHarness operator, String namespace, String volume) {
        operator.editSpec(namespace, c -> c.getMetadata().getAnnotations()
                .put(NeonCluster.ACCEPT_EMPTY_VOLUME_ANNOTATION, volume));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo-etcd-0", "demo-safekeeper-1", "demo-pageserver-0"})
    void aLostVolumeIsNotRecreatedEmptyNorItsPodStartedUntilTheUserAcceptsAnEmptyOne(String member) {
        String ns = "lost-" + member.replace("demo-", "");
        OperatorHarness operator = running(ns);
        String volume = member + "-data";
        String lostUid = volume(ns, member).orElseThrow().getMetadata().getUid();

        loseVolume(operator, ns, member);

        NeonClusterStatus lost = awaitVolumeLost(operator, ns);
        assertThat(condition(lost, ClusterConditions.DEGRADED).getMessage())
                .startsWith("data volume " + volume + " is gone although its member had it")
                .contains(NeonCluster.ACCEPT_EMPTY_VOLUME_ANNOTATION + ": " + volume);
        assertThat(condition(lost, ClusterConditions.READY).getStatus()).isEqualTo(ClusterConditions.FALSE);
        Poll.until("a Warning event naming the lost volume", () -> operator.events(ns).stream()
                .anyMatch(e -> "Warning".equals(e.getType()) && Refusal.VOLUME_LOST.equals(e.getReason())
                        && e.getNote().contains(volume)));
        operator.awaitReconciliations(ns, "demo", 2);
        assertThat(volume(ns, member)).isEmpty();
        assertThat(operator.podNames(ns)).doesNotContain(member);

        accept(operator, ns, volume);

        NeonClusterStatus recovered = operator.awaitRunning(ns);
        assertThat(volume(ns, member).orElseThrow().getMetadata().getUid()).isNotEqualTo(lostUid);
        assertThat(operator.podNames(ns)).contains(member);
        assertThat(recovered.getEmptyVolumesAccepted()).containsExactly(volume);
        assertThat(recovered.getVolumes()).contains(volume);
        assertThat(operator.events(ns)).filteredOn(e -> Refusal.VOLUME_LOST.equals(e.getReason()))
                .extracting(Event::getNote).hasSize(1);
    }

    @Test
    void anAcceptanceThatWasUsedDoesNotAcceptTheNextLossOfTheSameVolume() {
        String ns = "lost-twice";
        OperatorHarness operator = running(ns);
        loseVolume(operator, ns, "demo-safekeeper-2");
        awaitVolumeLost(operator, ns);
        accept(operator, ns, "demo-safekeeper-2-data");
        operator.awaitRunning(ns);

        loseVolume(operator, ns, "demo-safekeeper-2");

        NeonClusterStatus lostAgain = awaitVolumeLost(operator, ns);
        assertThat(condition(lostAgain, ClusterConditions.DEGRADED).getMessage())
                .contains("named demo-safekeeper-2-data while it existed, which accepts no later loss");
        operator.awaitReconciliations(ns, "demo", 2);
        assertThat(volume(ns, "demo-safekeeper-2")).isEmpty();
    }

    @Test
    void aVolumeDeletedUnderARunningPodIsNotRecreatedAndThePodIsLeftAlone() {
        String ns = "lost-under-pod";
        OperatorHarness operator = running(ns);
        String podUid = client.pods().inNamespace(ns).withName("demo-safekeeper-0").get().getMetadata().getUid();

        client.persistentVolumeClaims().inNamespace(ns).withName("demo-safekeeper-0-data").delete();

        awaitVolumeLost(operator, ns);
        operator.awaitReconciliations(ns, "demo", 2);
        assertThat(volume(ns, "demo-safekeeper-0")).isEmpty();
        assertThat(client.pods().inNamespace(ns).withName("demo-safekeeper-0").get().getMetadata().getUid())
                .isEqualTo(podUid);
        operator.requests.drain();
        operator.awaitReconciliations(ns, "demo", 2);
        assertThat(operator.operatorWrites(ns)).as("writes while the loss lasts: no status, no Event").isEmpty();
    }
}

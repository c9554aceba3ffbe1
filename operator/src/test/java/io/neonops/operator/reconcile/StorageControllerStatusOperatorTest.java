package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.MemberCounts;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.status.ClusterStatusBuilder;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.FakeKubelet;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Poll;
import io.neonops.operator.testing.SecretFixtures;
import io.neonops.operator.testing.Started;
import io.neonops.storage.common.NodeId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the status of a modern cluster shows of its storage controller: pageservers Ready only once it lists them
 * Active, the safekeepers it knows as registered, and counts of its own components; by the real operator against the
 * mock API server and an in-process fake storage controller.
 */
@EnableKubernetesMockClient(crud = true)
class StorageControllerStatusOperatorTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    private static final String MODERN = ClusterFixtures.demo("storageBroker: {}", "storageController: {}",
            "remoteStorage: {bucket: b, region: r}", "postgres: {versions: [16, 17]}");
    private static final String PAGESERVER = "demo-pageserver-0";

    @RegisterExtension
    final Started started = new Started(server, client);

    private OperatorHarness operator(String namespace) {
        OperatorHarness operator = started.closeLater(OperatorHarness.start(server, client, Set.of(namespace), urls -> {
            throw new AssertionError("a modern cluster has no etcd to ask");
        }));
        operator.create(namespace, MODERN);
        Poll.until("every pod of the modern cluster", () -> operator.podNames(namespace).size()
                == NeonClusterOperatorTest.MODERN_PODS.size());
        return operator;
    }

    @Test
    void aPageserverWhosePodIsReadyButThatIsNotRegisteredKeepsTheClusterFromReady() {
        OperatorHarness operator = operator("unregistered");
        operator.podNames("unregistered").stream().filter(pod -> !pod.equals(PAGESERVER))
                .forEach(pod -> operator.markReady("unregistered", pod));
        // the kubelet's word alone, without the pageserver's re-attach upcall
        FakeKubelet.setReady(client, client.pods().inNamespace("unregistered").withName(PAGESERVER).get());

        NeonClusterStatus waiting = operator.awaitStatus("unregistered", "demo", "pageserver awaiting registration",
                s -> s.getConditions() != null && s.getConditions().stream()
                        .anyMatch(c -> ClusterStatusBuilder.PAGESERVER_REGISTRATION.equals(c.getReason())));
        Condition ready = condition(waiting, ClusterConditions.READY);
        assertThat(ready.getStatus()).isEqualTo(ClusterConditions.FALSE);
        assertThat(ready.getMessage()).isEqualTo("waiting for the storage controller to list the pageservers Active: "
                + PAGESERVER + " (node 1 not registered)");
        assertThat(waiting.getPageserver().getReady()).isZero();
        assertThat(waiting.getPhase()).isNotEqualTo(ClusterPhase.RUNNING);
        operator.awaitReconciliations("unregistered", "demo", 1);
        operator.requests.drain();
        operator.awaitReconciliations("unregistered", "demo", 3);
        assertThat(operator.operatorWrites("unregistered")).as("resyncs while the pageserver waits").isEmpty();

        operator.markReady("unregistered", PAGESERVER);

        NeonClusterStatus running = operator.awaitRunning("unregistered");
        assertThat(running.getPageserver()).isEqualTo(new MemberCounts(1, 1, 1));
    }

    @Test
    void aPageserverTheStorageControllerSeesOfflineCountsNotReadyUntilItAnswersAgain() {
        OperatorHarness operator = operator("offline");
        operator.markAllReady("offline");
        operator.awaitRunning("offline");

        operator.storageController.markUnreachable(NodeId.of(1));

        NeonClusterStatus offline = operator.awaitStatus("offline", "demo", "pageserver counted not ready",
                s -> s.getPageserver() != null && s.getPageserver().getReady() == 0);
        assertThat(condition(offline, ClusterConditions.READY).getStatus()).isEqualTo(ClusterConditions.FALSE);
        assertThat(condition(offline, ClusterConditions.READY).getMessage()).endsWith(PAGESERVER + " (node 1 Offline)");

        operator.storageController.markReachable(NodeId.of(1));

        assertThat(operator.awaitRunning("offline").getPageserver().getReady()).isEqualTo(1);
    }

    @Test
    void aRunningClusterCountsItsRegisteredSafekeepersAndEveryComponent() {
        OperatorHarness operator = operator("counts");
        operator.markAllReady("counts");

        NeonClusterStatus running = operator.awaitRunning("counts");

        assertThat(running.getSafekeepers()).isEqualTo(new MemberCounts(3, 3, 3).withRegistered(3));
        assertThat(running.getStorageBroker()).isEqualTo(new MemberCounts(1, 1, 1));
        assertThat(running.getStorageController()).isEqualTo(new MemberCounts(1, 1, 1));
        assertThat(running.getStorageControllerDatabase()).isEqualTo(new MemberCounts(1, 1, 1));
        assertThat(running.getPageserver()).isEqualTo(new MemberCounts(1, 1, 1));
        assertThat(running.getEtcd()).isNull();
        assertThat(condition(running, ClusterConditions.READY).getStatus()).isEqualTo(ClusterConditions.TRUE);
    }

    @Test
    void safekeepersTheStorageControllerLostAreCountedAgainOnceRegisteredAgain() {
        OperatorHarness operator = operator("lost");
        operator.markAllReady("lost");
        operator.awaitRunning("lost");

        operator.storageController.loseDatabase();

        // the pageserver lost with the database re-registers on its next start; until then it is not Ready
        NeonClusterStatus lost = operator.awaitStatus("lost", "demo", "pageserver unregistered",
                s -> s.getPageserver() != null && s.getPageserver().getReady() == 0);
        assertThat(lost.getSafekeepers().getRegistered()).isEqualTo(3);
        operator.markReady("lost", PAGESERVER);
        assertThat(operator.awaitRunning("lost").getSafekeepers().getRegistered()).isEqualTo(3);
    }

    @Test
    void withAuthAPageserverWhoseUpcallTokenTheStorageControllerRefusesIsNeitherRegisteredNorReady() {
        client.resource(SecretFixtures.secret("storcon-tokens", "ADMIN_JWT_TOKEN", SecretFixtures.base64("admin-token"),
                "GENERATIONS_API_JWT_TOKEN", SecretFixtures.base64("stale-token"))).inNamespace("badtoken").create();
        OperatorHarness operator = started.closeLater(OperatorHarness.start(server, client, Set.of("badtoken"), urls -> {
            throw new AssertionError("a modern cluster has no etcd to ask");
        }));
        operator.storageController.requireTokens("admin-token", "generations-token");
        operator.create("badtoken", MODERN + "  auth: {enabled: true, publicKeySecret: keys,"
                + " storageControllerSecret: storcon-tokens}\n");
        Poll.until("every pod of the modern cluster", () -> operator.podNames("badtoken").size()
                == NeonClusterOperatorTest.MODERN_PODS.size());
        operator.podNames("badtoken").stream().filter(pod -> !pod.equals(PAGESERVER))
                .forEach(pod -> operator.markReady("badtoken", pod));

        assertThatThrownBy(() -> operator.markReady("badtoken", PAGESERVER)).hasMessageContaining("HTTP 403");
        FakeKubelet.setReady(client, client.pods().inNamespace("badtoken").withName(PAGESERVER).get());

        NeonClusterStatus status = operator.awaitStatus("badtoken", "demo", "pageserver awaiting registration",
                s -> s.getConditions() != null && s.getConditions().stream()
                        .anyMatch(c -> ClusterStatusBuilder.PAGESERVER_REGISTRATION.equals(c.getReason())));
        assertThat(condition(status, ClusterConditions.READY).getMessage()).endsWith(PAGESERVER + " (node 1 not registered)");
        assertThat(status.getSafekeepers().getRegistered()).isEqualTo(3);
    }
}

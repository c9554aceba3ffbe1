package io.neonops.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.pageserver.PageserverConnector;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Status writes, counted on the mock API server: each one shows a change, and none starts a reconcile of its
 * own. No resync runs during these tests, so every reconcile has a cause the test knows.
 */
@EnableKubernetesMockClient(crud = true)
class StatusWritesTest {

    static KubernetesMockServer server;
    static KubernetesClient client;
    static OperatorHarness operator;

    @BeforeAll
    static void startOperator() {
        operator = OperatorHarness.start(server, client, Set.of(), PageserverConnector.HTTP, Duration.ofHours(1));
    }

    @AfterAll
    static void stopOperator() {
        operator.close();
    }

    /** How many status writes of {@code namespace/demo} the server received since the last drain. */
    private static long statusWrites(String namespace) {
        return operator.requests.drain().stream()
                .filter(r -> r.matches("(PUT|PATCH) /apis/neonops.io/v1alpha1/namespaces/" + namespace
                        + "/neonclusters/demo/status(\\?.*)?"))
                .count();
    }

    /** Every version of {@code namespace/demo} the server stores from now on, in order, as a watch delivers them. */
    private static List<NeonCluster> watchVersions(String namespace) {
        List<NeonCluster> versions = new CopyOnWriteArrayList<>();
        client.resources(NeonCluster.class).inNamespace(namespace).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, NeonCluster resource) {
                versions.add(resource);
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
        return versions;
    }

    /** Changes a label of the cluster, which starts exactly one reconcile, and waits until it is done. */
    private static void touch(String namespace, String value) {
        int before = operator.reconciles.finished(namespace, "demo");
        operator.editSpec(namespace, c -> c.getMetadata().getLabels().put("touched", value));
        Poll.until("the reconcile of the touched cluster", () -> operator.reconciles.finished(namespace, "demo") > before);
    }

    @Test
    void theOperatorsOwnStatusWriteStartsNoReconcile() {
        String namespace = "own-write";
        operator.create(namespace, ClusterFixtures.DEMO.replace("  name: demo\n",
                "  name: demo\n  labels: {touched: '0'}\n  annotations: {" + NeonCluster.PAUSED_ANNOTATION + ": 'true'}\n"));
        operator.awaitStatus(namespace, "demo", "phase Paused", s -> s.getPhase() == ClusterPhase.PAUSED);

        touch(namespace, "1");

        assertThat(operator.reconciles.finished(namespace, "demo")).as("the creation's and the label's").isEqualTo(2);
        assertThat(statusWrites(namespace)).isEqualTo(1);
    }

    @Test
    void noStatusWriteRepeatsTheStatusBeforeIt() {
        String namespace = "each-write-changes";
        List<NeonCluster> versions = watchVersions(namespace);
        operator.create(namespace, ClusterFixtures.DEMO.replace("  name: demo\n", "  name: demo\n  labels: {touched: '0'}\n"));
        Poll.until("every pod created", () -> operator.podNames(namespace).size() == 5);
        operator.markAllReady(namespace);
        operator.awaitRunning(namespace);

        touch(namespace, "1");
        touch(namespace, "2");

        Poll.until("the watch caught up", () -> !versions.isEmpty()
                && "2".equals(versions.get(versions.size() - 1).getMetadata().getLabels().get("touched")));
        for (int i = 1; i < versions.size(); i++) {
            NeonCluster before = versions.get(i - 1);
            NeonCluster after = versions.get(i);
            if (!ClusterUpdates.needsReconcile(before, after)) {
                assertThat(after.getStatus()).as("version %d of %d, a status write", i + 1, versions.size())
                        .isNotEqualTo(before.getStatus());
            }
        }
    }
}

package io.neonops.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.testing.OperatorHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A cluster asking for a PodMonitor on an API server without the Prometheus Operator's CRDs. */
@EnableKubernetesMockClient(crud = true)
class PodMonitorAbsentOperatorTest {

    static KubernetesMockServer server;
    static KubernetesClient client;
    static OperatorHarness operator;

    @BeforeAll
    static void startOperator() {
        operator = OperatorHarness.start(server, client);
    }

    @AfterAll
    static void stopOperator() {
        operator.close();
    }

    @Test
    void theStatusSaysWhyNoneWasCreatedAndTheClusterRunsAnyway() {
        operator.createAndAwaitPods("absent", PodMonitorOperatorTest.WITH_POD_MONITOR);
        operator.markAllReady("absent");

        NeonClusterStatus status = operator.awaitRunning("absent");

        assertThat(status.getPhase()).isEqualTo(ClusterPhase.RUNNING);
        assertThat(status.getPodMonitor()).startsWith("not created: the API server serves no monitoring.coreos.com/v1 "
                + "PodMonitor (install the Prometheus Operator's CRDs");
    }

    @Test
    void aResyncWithoutTheKindWritesNothing() {
        operator.createAndAwaitPods("resync", PodMonitorOperatorTest.WITH_POD_MONITOR);

        assertThat(operator.writesOfResyncs("resync")).isEmpty();
    }
}

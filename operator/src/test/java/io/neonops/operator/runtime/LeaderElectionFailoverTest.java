package io.neonops.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.LeaseAccess;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Poll;
import io.neonops.operator.testing.ReconcileCounter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two replicas against one API server: one reconciles, the other waits ready, and takes over when the first stops. */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionFailoverTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    static final String NAMESPACE = "failover";
    static final String LEASE = "neon-operator";
    /** Its own Lease, which the test leaves held by another: the tests share the mock API server. */
    static final String LOST_LEASE = "lost-lease";

    @Test
    void onlyTheLeaseHolderReconcilesAndTheStandbyTakesOverWhenItStops() throws OperatorStartException {
        OperatorHarness.installCrd(client);
        LeaseAccess.grant(server);
        ReconcileCounter firstReconciles = new ReconcileCounter();
        ReconcileCounter secondReconciles = new ReconcileCounter();
        NeonOperator first = replica("replica-a", LEASE, firstReconciles);
        try (NeonOperator second = replica("replica-b", LEASE, secondReconciles)) {
            try {
                first.start();
                Poll.until("replica-a holding the Lease", first::isLeader);
                second.start();

                Poll.until("replica-b ready as a standby that saw the holder", () -> second.readiness()
                        .equals(Probe.passing("standby: waiting for Lease failover/neon-operator, held by replica-a")));
                ClusterFixtures.create(client, NAMESPACE, ClusterFixtures.DEMO);
                Poll.until("two reconciles by replica-a", () -> firstReconciles.finished(NAMESPACE, "demo") >= 2);
                assertThat(secondReconciles.finished(NAMESPACE, "demo")).isZero();
                assertThat(second.isLeader()).isFalse();
            } finally {
                first.close();
            }

            assertThat(LeaseAccess.holder(client, NAMESPACE, LEASE)).isNotEqualTo("replica-a");
            Poll.until("replica-b holding the Lease", second::isLeader);
            Poll.until("a reconcile by replica-b", () -> secondReconciles.finished(NAMESPACE, "demo") >= 1);
            assertThat(LeaseAccess.holder(client, NAMESPACE, LEASE)).isEqualTo("replica-b");
            assertThat(first.failure()).isNotDone();
            assertThat(second.failure()).isNotDone();
        }
    }

    @Test
    void losingTheLeaseToAnotherHolderIsAFailureThatStopsTheProcess() throws OperatorStartException {
        OperatorHarness.installCrd(client);
        LeaseAccess.grant(server);
        try (NeonOperator replica = replica("replica-c", LOST_LEASE, new ReconcileCounter())) {
            replica.start();
            Poll.until("replica-c holding the Lease", replica::isLeader);

            Poll.until("the Lease taken over by an intruder", () -> LeaseAccess.takeOver(client, NAMESPACE, LOST_LEASE,
                    "intruder"));

            String reason = Poll.value("replica-c noticing", () -> Optional.ofNullable(replica.failure().getNow(null)));
            assertThat(reason).isEqualTo("lost the leader-election Lease failover/lost-lease; "
                    + "stopping so that only the new holder reconciles");
            assertThat(replica.isLeader()).isFalse();
        }
        assertThat(LeaseAccess.holder(client, NAMESPACE, LOST_LEASE)).isEqualTo("intruder");
    }

    private static NeonOperator replica(String identity, String lease, ReconcileCounter reconciles) {
        return NeonOperator.create(client,
                OperatorProcessTest.settings(Optional.of(new LeaderElection(NAMESPACE, lease, identity))),
                new SimpleMeterRegistry(), reconciles);
    }
}

package io.neonops.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.metrics.OperatorMetrics;
import io.neonops.operator.reconcile.ReconcileSettings;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.HttpGet;
import io.neonops.operator.testing.LeaseAccess;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Poll;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code run} runs, against the mock API server: probes, metrics and the Lease, from start to stop. */
@EnableKubernetesMockClient(crud = true)
class OperatorProcessTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    static final String LEASE_NAMESPACE = "operators";
    static final EndpointSettings ANY_LOOPBACK_PORTS = new EndpointSettings(InetAddress.getLoopbackAddress(), 0, 0);

    @BeforeEach
    void apiServer() {
        OperatorHarness.installCrd(client);
        LeaseAccess.grant(server);
    }

    @Test
    void probesPassAndMetricsShowTheSdkAndOperatorCountersOnceAClusterIsReconciled() throws OperatorStartException {
        LeaderElection election = new LeaderElection(LEASE_NAMESPACE, "neon-operator", "replica-a");
        try (OperatorProcess process = OperatorProcess.start(client, settings(Optional.of(election)), ANY_LOOPBACK_PORTS)) {
            HttpEndpoints endpoints = process.endpoints();
            Poll.until("the Lease held", () -> process.operator().isLeader());

            HttpResponse<String> healthz = HttpGet.get(endpoints.healthAddress(), HttpEndpoints.HEALTHZ);
            HttpResponse<String> readyz = HttpGet.get(endpoints.healthAddress(), HttpEndpoints.READYZ);
            assertThat(healthz.statusCode()).isEqualTo(200);
            assertThat(healthz.body()).isEqualTo("ok: running\n");
            assertThat(readyz.statusCode()).isEqualTo(200);
            assertThat(readyz.body()).isEqualTo("ok: reconciling: holds Lease operators/neon-operator\n");

            ClusterFixtures.create(client, "metrics", ClusterFixtures.DEMO);
            NeonClusterStatus status = Poll.value("a phase for metrics/demo",
                    () -> Optional.ofNullable(client.resources(io.neonops.operator.cluster.NeonCluster.class)
                            .inNamespace("metrics").withName("demo").get().getStatus())
                            .filter(s -> s.getPhase() != null));
            String phaseLine = "neon_operator_clusters{phase=\"" + OperatorMetrics.phaseName(status.getPhase()) + "\"} 1.0";
            String metrics = Poll.value("the cluster counted in its phase", () -> Optional
                    .of(HttpGet.get(endpoints.metricsAddress(), HttpEndpoints.METRICS).body())
                    .filter(body -> body.contains(phaseLine)));

            assertThat(metrics)
                    .contains("operator_sdk_reconciliations_started_total{")
                    .contains("operator_sdk_reconciliations_success_total{")
                    .contains("operator_sdk_controllers_execution_reconcile_seconds_count{")
                    .contains("operator_sdk_events_received_total{")
                    .contains("neon_operator_reconciles_total ")
                    .contains("neon_operator_reconcile_errors_total 0.0")
                    .contains("neon_operator_leader 1.0")
                    .contains("jvm_memory_used_bytes{");
        }
        assertThat(LeaseAccess.holder(client, LEASE_NAMESPACE, "neon-operator")).isEmpty();
    }

    @Test
    void closingStopsTheEndpoints() throws OperatorStartException {
        OperatorProcess process = OperatorProcess.start(client, settings(Optional.empty()), ANY_LOOPBACK_PORTS);
        HttpEndpoints endpoints = process.endpoints();
        assertThat(HttpGet.get(endpoints.healthAddress(), HttpEndpoints.READYZ).body())
                .isEqualTo("ok: reconciling (leader election off)\n");

        process.close();

        assertThatThrownBy(() -> HttpGet.get(endpoints.healthAddress(), HttpEndpoints.HEALTHZ))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(process.operator().liveness()).isEqualTo(Probe.failing("stopped"));
    }

    @Test
    void aTakenPortStopsTheStartAndLeavesNothingRunning() throws OperatorStartException {
        try (OperatorProcess first = OperatorProcess.start(client, settings(Optional.empty()), ANY_LOOPBACK_PORTS)) {
            int taken = first.endpoints().metricsAddress().getPort();

            assertThatThrownBy(() -> OperatorProcess.start(client, settings(Optional.empty()),
                    new EndpointSettings(InetAddress.getLoopbackAddress(), taken, 0)))
                    .isInstanceOf(OperatorStartException.class)
                    .hasMessageContaining("(--health-port)");
        }
    }

    static OperatorSettings settings(Optional<LeaderElection> election) {
        return new OperatorSettings(Set.of(), new ReconcileSettings(false, KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN,
                "test"), OperatorHarness.RESYNC, election);
    }
}

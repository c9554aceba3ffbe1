package io.neonops.chart;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.neonops.operator.rbac.RequiredPermissions;
import io.neonops.operator.reconcile.ReconcileSettings;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.runtime.LeaderElection;
import io.neonops.operator.runtime.NeonOperator;
import io.neonops.operator.runtime.OperatorSettings;
import java.util.Optional;
import java.util.Set;

/**
 * The operator the chart deploys, registered as {@code run} registers it but never started: enough to ask
 * its controller what it watches and writes, without an API server.
 */
final class OperatorUnderTest {

    /** Nothing listens there; registering the controller sends no request. */
    private static final String NO_API_SERVER = "https://127.0.0.1:1";

    private OperatorUnderTest() {
    }

    static RequiredPermissions requiredPermissions() {
        OperatorSettings settings = new OperatorSettings(Set.of(),
                new ReconcileSettings(true, KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN, "chart-test"),
                OperatorSettings.DEFAULT_RESYNC_INTERVAL,
                Optional.of(new LeaderElection(NeonOperatorChart.NAMESPACE, NeonOperatorChart.RELEASE, "chart-test")));
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl(NO_API_SERVER).build()).build();
             NeonOperator operator = NeonOperator.create(client, settings, new SimpleMeterRegistry())) {
            return operator.requiredPermissions();
        }
    }
}

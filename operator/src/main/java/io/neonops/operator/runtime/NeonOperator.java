package io.neonops.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.neonops.operator.reconcile.NeonClusterReconciler;
import java.time.Clock;

/** The running operator: the NeonCluster reconciler registered with the Java Operator SDK, watching its namespaces. */
public final class NeonOperator implements AutoCloseable {

    public static final String CONTROLLER_NAME = "neoncluster";

    private final Operator operator;

    private NeonOperator(Operator operator) {
        this.operator = operator;
    }

    /**
     * Starts the informers and the reconciler; returns once the caches are synced.
     *
     * @param client  the client, which stays open when the operator stops
     * @param metrics where the SDK reports reconciliations
     */
    public static NeonOperator start(KubernetesClient client, OperatorSettings settings, Metrics metrics) {
        boolean ssa = settings.reconcile().serverSideApply();
        Operator operator = new Operator(o -> o
                .withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withUseSSAToPatchPrimaryResource(ssa)
                .withSSABasedCreateUpdateMatchForDependentResources(ssa)
                .withMetrics(metrics));
        operator.register(new NeonClusterReconciler(settings.reconcile(), Clock.systemUTC()), c -> {
            c.withName(CONTROLLER_NAME);
            // the pause annotation is no spec change, yet it must be seen at once
            c.withGenerationAware(false);
            c.withReconciliationMaxInterval(settings.resyncInterval());
            if (settings.namespaces().isEmpty()) {
                c.watchingAllNamespaces();
            } else {
                c.settingNamespaces(settings.namespaces());
            }
        });
        operator.start();
        return new NeonOperator(operator);
    }

    @Override
    public void close() {
        operator.stop();
    }
}

package io.neonops.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code run} runs: the HTTP endpoints, up first so that the probes answer while the caches sync, and the
 * operator. Closing stops them in the order that keeps a rolling update safe: the operator (readiness fails,
 * reconciles finish, the Lease is released), then the endpoints.
 */
public final class OperatorProcess implements AutoCloseable {

    private final NeonOperator operator;
    private final HttpEndpoints endpoints;
    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;

    private OperatorProcess(NeonOperator operator, HttpEndpoints endpoints, PrometheusMeterRegistry registry,
                            JvmGcMetrics gcMetrics) {
        this.operator = operator;
        this.endpoints = endpoints;
        this.registry = registry;
        this.gcMetrics = gcMetrics;
    }

    /**
     * Returns once the informers' caches are synced.
     *
     * @throws OperatorStartException when a port cannot be bound or the operator cannot start; nothing is left running
     */
    public static OperatorProcess start(KubernetesClient client, OperatorSettings settings, EndpointSettings endpointSettings)
            throws OperatorStartException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        NeonOperator operator = NeonOperator.create(client, settings, registry);
        HttpEndpoints endpoints = null;
        try {
            endpoints = HttpEndpoints.start(endpointSettings, operator, registry);
            operator.start();
            return new OperatorProcess(operator, endpoints, registry, gcMetrics);
        } catch (OperatorStartException | RuntimeException e) {
            stop(operator, endpoints, gcMetrics, registry);
            throw e;
        }
    }

    public HttpEndpoints endpoints() {
        return endpoints;
    }

    public NeonOperator operator() {
        return operator;
    }

    /** Completes, with one line saying why, when the operator must stop although nobody asked it to. */
    public CompletableFuture<String> failure() {
        return operator.failure();
    }

    @Override
    public void close() {
        stop(operator, endpoints, gcMetrics, registry);
    }

    private static void stop(NeonOperator operator, HttpEndpoints endpoints, JvmGcMetrics gcMetrics,
                             PrometheusMeterRegistry registry) {
        operator.close();
        if (endpoints != null) {
            endpoints.close();
        }
        gcMetrics.close();
        registry.close();
    }
}

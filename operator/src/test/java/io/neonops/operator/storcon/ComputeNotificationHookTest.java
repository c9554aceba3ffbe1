package io.neonops.operator.storcon;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.neonops.operator.runtime.EndpointSettings;
import io.neonops.operator.runtime.HealthProbes;
import io.neonops.operator.runtime.HttpEndpoints;
import io.neonops.operator.runtime.OperatorStartException;
import io.neonops.operator.runtime.Probe;
import io.neonops.operator.testing.HttpGet;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComputeNotificationHookTest {

    /** The body of a {@code notify-attach} as the storage controller sends it (modern-topology.md). */
    private static final String ATTACH = """
            {"tenant_id":"de200bd42b49cc1814412c7e592dd6e9","stripe_size":null,
             "shards":[{"node_id":1,"shard_number":0}]}""";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private HttpEndpoints endpoints;

    @BeforeEach
    void start() throws OperatorStartException {
        HealthProbes probes = new HealthProbes() {
            @Override
            public Probe liveness() {
                return Probe.passing("running");
            }

            @Override
            public Probe readiness() {
                return Probe.passing("reconciling");
            }
        };
        endpoints = HttpEndpoints.start(new EndpointSettings(InetAddress.getLoopbackAddress(), 0, 0), probes, registry);
    }

    @AfterEach
    void close() {
        endpoints.close();
        registry.close();
    }

    private double notifications(String hook) {
        return registry.get(ComputeNotificationHook.NOTIFICATIONS).tag(ComputeNotificationHook.HOOK_TAG, hook)
                .counter().count();
    }

    @Test
    void eachClustersStorageControllerGetsItsOwnUrlUnderTheOperatorsService() {
        assertThat(ComputeNotificationHook.url("http://neon-operator-metrics.neon-system.svc:8080/", "storage", "demo"))
                .isEqualTo("http://neon-operator-metrics.neon-system.svc:8080/storcon-hooks/storage/demo");
    }

    @Test
    void attachNotificationIsAnswered200AndCountedOnTheMetricsPort() {
        HttpResponse<String> response = HttpGet.put(endpoints.metricsAddress(),
                "/storcon-hooks/storage/demo/notify-attach", ATTACH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(notifications(ComputeNotificationHook.NOTIFY_ATTACH)).isEqualTo(1);
        assertThat(notifications(ComputeNotificationHook.NOTIFY_SAFEKEEPERS)).isZero();
    }

    @Test
    void safekeeperNotificationIsCountedApart() {
        HttpResponse<String> response = HttpGet.put(endpoints.metricsAddress(),
                "/storcon-hooks/storage/demo/notify-safekeepers", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(notifications(ComputeNotificationHook.NOTIFY_SAFEKEEPERS)).isEqualTo(1);
    }

    @Test
    void otherMethodsAreRefusedWith405NamingPut() {
        HttpResponse<String> response = HttpGet.get(endpoints.metricsAddress(), "/storcon-hooks/storage/demo/notify-attach");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("PUT");
        assertThat(notifications(ComputeNotificationHook.NOTIFY_ATTACH)).isZero();
    }

    @Test
    void unknownHooksAndMalformedClusterPathsAre404() {
        assertThat(HttpGet.put(endpoints.metricsAddress(), "/storcon-hooks/storage/demo/notify-detach", "{}")
                .statusCode()).isEqualTo(404);
        assertThat(HttpGet.put(endpoints.metricsAddress(), "/storcon-hooks/Storage/demo/notify-attach", "{}")
                .statusCode()).isEqualTo(404);
        assertThat(HttpGet.put(endpoints.metricsAddress(), "/storcon-hooks/demo/notify-attach", "{}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aBodyAboveTheBoundIsRefusedAndNotCounted() {
        String huge = "x".repeat(ComputeNotificationHook.MAX_BODY_BYTES + 1);

        HttpResponse<String> response = HttpGet.put(endpoints.metricsAddress(),
                "/storcon-hooks/storage/demo/notify-attach", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(notifications(ComputeNotificationHook.NOTIFY_ATTACH)).isZero();
    }

    @Test
    void theProbesAndMetricsStillAnswerBesideTheHook() {
        assertThat(HttpGet.get(endpoints.metricsAddress(), HttpEndpoints.METRICS).statusCode()).isEqualTo(200);
        assertThat(HttpGet.get(endpoints.healthAddress(), HttpEndpoints.HEALTHZ).statusCode()).isEqualTo(200);
    }
}

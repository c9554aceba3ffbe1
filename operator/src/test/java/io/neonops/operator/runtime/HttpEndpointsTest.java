package io.neonops.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.neonops.operator.testing.HttpGet;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpEndpointsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final FakeProbes probes = new FakeProbes();
    private HttpEndpoints endpoints;

    @AfterEach
    void close() {
        if (endpoints != null) {
            endpoints.close();
        }
        registry.close();
    }

    @Test
    void probesAnswer200WithTheirDetailWhenPassing() throws OperatorStartException {
        start();

        HttpResponse<String> healthz = HttpGet.get(endpoints.healthAddress(), "/healthz");
        HttpResponse<String> readyz = HttpGet.get(endpoints.healthAddress(), "/readyz");

        assertThat(healthz.statusCode()).isEqualTo(200);
        assertThat(healthz.body()).isEqualTo("ok: running\n");
        assertThat(readyz.statusCode()).isEqualTo(200);
        assertThat(readyz.body()).isEqualTo("ok: reconciling\n");
    }

    @Test
    void failingProbesAnswer503SayingWhy() throws OperatorStartException {
        start();
        probes.readiness = Probe.failing("unhealthy informers: pods");
        probes.liveness = Probe.failing("starting: the informers' caches are not synced yet");

        HttpResponse<String> readyz = HttpGet.get(endpoints.healthAddress(), "/readyz");
        HttpResponse<String> healthz = HttpGet.get(endpoints.healthAddress(), "/healthz");

        assertThat(readyz.statusCode()).isEqualTo(503);
        assertThat(readyz.body()).isEqualTo("not ok: unhealthy informers: pods\n");
        assertThat(healthz.statusCode()).isEqualTo(503);
    }

    @Test
    void metricsAreInPrometheusTextFormatOnTheirOwnPort() throws OperatorStartException {
        Counter.builder("neon.operator.test.things").register(registry).increment(3);
        start();

        HttpResponse<String> metrics = HttpGet.get(endpoints.metricsAddress(), "/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains("# TYPE neon_operator_test_things_total counter")
                .contains("neon_operator_test_things_total 3.0");
        assertThat(HttpGet.get(endpoints.healthAddress(), "/metrics").statusCode()).isEqualTo(404);
        assertThat(HttpGet.get(endpoints.metricsAddress(), "/healthz").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws OperatorStartException {
        start();

        HttpResponse<String> post = HttpGet.send(endpoints.healthAddress(), "/readyz", "POST");
        HttpResponse<String> head = HttpGet.send(endpoints.healthAddress(), "/readyz", "HEAD");

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aTakenPortIsNamedByItsOption() throws OperatorStartException {
        start();
        int taken = endpoints.healthAddress().getPort();

        assertThatThrownBy(() -> HttpEndpoints.start(new EndpointSettings(InetAddress.getLoopbackAddress(), 0, taken),
                probes, registry))
                .isInstanceOf(OperatorStartException.class)
                .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken + " (--metrics-port): ");
    }

    @Test
    void closingStopsListening() throws OperatorStartException {
        start();
        endpoints.close();

        assertThatThrownBy(() -> HttpGet.get(endpoints.healthAddress(), "/healthz")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void portsMustBeValidAndDistinct() {
        InetAddress loopback = InetAddress.getLoopbackAddress();

        assertThatThrownBy(() -> new EndpointSettings(loopback, 8080, 8080))
                .hasMessage("--health-port and --metrics-port must differ, both are 8080");
        assertThatThrownBy(() -> new EndpointSettings(loopback, 70_000, 8080))
                .hasMessage("--health-port: must be between 0 and 65535, got 70000");
        assertThat(new EndpointSettings(loopback, 0, 0).healthPort()).isZero();
    }

    private void start() throws OperatorStartException {
        endpoints = HttpEndpoints.start(new EndpointSettings(InetAddress.getLoopbackAddress(), 0, 0), probes, registry);
    }

    private static final class FakeProbes implements HealthProbes {
        volatile Probe liveness = Probe.passing("running");
        volatile Probe readiness = Probe.passing("reconciling");

        @Override
        public Probe liveness() {
            return liveness;
        }

        @Override
        public Probe readiness() {
            return readiness;
        }
    }
}

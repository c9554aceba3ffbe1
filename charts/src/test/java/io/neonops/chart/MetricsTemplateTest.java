package io.neonops.chart;

import static io.neonops.chart.DeploymentTemplateTest.containerPort;
import static io.neonops.chart.NeonOperatorChart.NAMESPACE;
import static io.neonops.chart.NeonOperatorChart.RELEASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class MetricsTemplateTest {

    private static final String METRICS_SERVICE = RELEASE + "-metrics";

    @Test
    void metricsServiceSendsItsPortToTheOperatorMetricsPort() {
        Manifests manifests = NeonOperatorChart.render(TypicalOverrides.PORTS_AND_TEXT_LOGS);
        ObjectNode service = manifests.one("Service", METRICS_SERVICE);
        JsonNode port = service.at("/spec/ports/0");

        assertThat(service.at("/spec/ports")).hasSize(1);
        assertThat(port.path("port").asInt()).isEqualTo(9091);
        assertThat(containerPort(manifests.operatorContainer(), port.path("targetPort").asText())).isEqualTo(9090);
    }

    @Test
    void metricsServiceSelectsTheOperatorPods() {
        Manifests manifests = NeonOperatorChart.render(ValuesOverride.DEFAULTS);
        JsonNode podLabels = manifests.deployment().at("/spec/template/metadata/labels");
        JsonNode selector = manifests.one("Service", METRICS_SERVICE).at("/spec/selector");

        assertThat(selector.size()).isPositive();
        selector.properties().forEach(e -> assertThat(podLabels.path(e.getKey())).isEqualTo(e.getValue()));
    }

    @Test
    void noServiceMonitorUnlessEnabled() {
        assertThat(NeonOperatorChart.render(ValuesOverride.DEFAULTS).ofKind("ServiceMonitor")).isEmpty();
    }

    @Test
    void serviceMonitorScrapesTheMetricsServiceOnly() {
        Manifests manifests = NeonOperatorChart.render(TypicalOverrides.SERVICE_MONITOR);
        ObjectNode monitor = manifests.one("ServiceMonitor", RELEASE);
        JsonNode serviceLabels = manifests.one("Service", METRICS_SERVICE).at("/metadata/labels");
        JsonNode endpoint = monitor.at("/spec/endpoints/0");

        assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("prometheus");
        assertThat(monitor.at("/spec/namespaceSelector/matchNames")).extracting(JsonNode::asText).containsExactly(NAMESPACE);
        monitor.at("/spec/selector/matchLabels").properties()
                .forEach(e -> assertThat(serviceLabels.path(e.getKey())).isEqualTo(e.getValue()));
        assertThat(monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1component").asText()).isEqualTo("metrics");
        assertThat(endpoint.path("port").asText()).isEqualTo("metrics");
        assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
        assertThat(endpoint.path("interval").asText()).isEqualTo("15s");
    }
}

package io.neonops.chart;

import static io.neonops.chart.NeonOperatorChart.RELEASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage clusters' alerts and dashboard, each opt-in, and the operator's PodMonitor default. The rules and
 * every dashboard expression go through the real {@code promtool}: the alerts' groups are checked and unit-tested
 * with synthetic series ({@code src/test/resources/promtool/alerts-test.yaml}), the dashboard's expressions are
 * checked as recording rules (promtool parses each one as PromQL).
 */
class MonitoringTemplateTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE = RELEASE + "-storage";
    private static final String DASHBOARD = RELEASE + "-dashboard";
    /** What Grafana substitutes before it sends a query: a range for the interval, match-all for the selections. */
    private static final Map<String, String> GRAFANA_VARIABLES = Map.of("$__rate_interval", "5m", "$namespace", ".*",
            "$cluster", ".*");

    @Test
    void nothingOfItByDefault() {
        Manifests manifests = NeonOperatorChart.render(ValuesOverride.DEFAULTS);

        assertThat(manifests.ofKind("PrometheusRule")).isEmpty();
        assertThat(manifests.ofKind("ConfigMap")).isEmpty();
        assertThat(manifests.operatorArgs()).contains("--pod-monitors-by-default=false");
    }

    @Test
    void podMonitorsByDefaultReachTheOperator() {
        assertThat(NeonOperatorChart.render(TypicalOverrides.MONITORING).operatorArgs())
                .contains("--pod-monitors-by-default=true");
    }

    @Test
    void prometheusRuleCarriesTheLabelsPrometheusSelectsBy() {
        ObjectNode rule = NeonOperatorChart.render(TypicalOverrides.MONITORING).one("PrometheusRule", RULE);

        assertThat(rule.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.at("/metadata/labels/release").asText()).isEqualTo("prometheus");
        assertThat(alerts(rule)).containsExactly("NeonClusterDegraded", "NeonClusterNotReady", "NeonRollHalted",
                "NeonDaemonDown", "NeonSafekeeperLagging", "NeonPageserverUploadsStuck", "NeonEtcdNoLeader");
    }

    @Test
    void everyAlertHasASummaryADescriptionAndARunbookSection() throws IOException {
        ObjectNode rule = NeonOperatorChart.render(TypicalOverrides.MONITORING).one("PrometheusRule", RULE);
        String readme = Files.readString(NeonOperatorChart.DIR.resolve("README.md"));

        for (JsonNode alert : rules(rule)) {
            String name = alert.path("alert").asText();
            assertThat(alert.at("/annotations/summary").asText()).as(name).isNotBlank();
            assertThat(alert.at("/annotations/description").asText()).as(name).contains("neon_cluster")
                    .containsAnyOf("$labels.pod", "$labels.neon_pod", "$labels.neon_namespace");
            assertThat(readme).as(name).contains("#### " + name);
        }
    }

    @Test
    void dashboardConfigMapIsLabelledForGrafanasSidecar() throws IOException {
        ObjectNode map = NeonOperatorChart.render(TypicalOverrides.MONITORING).one("ConfigMap", DASHBOARD);
        JsonNode dashboard = JSON.readTree(map.at("/data/neon-storage.json").asText());

        assertThat(map.at("/metadata/namespace").asText()).isEqualTo("grafana");
        assertThat(map.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        assertThat(map.at("/metadata/labels/team").asText()).isEqualTo("storage");
        assertThat(StreamSupport.stream(dashboard.path("panels").spliterator(), false)
                .filter(p -> p.path("type").asText().equals("row")).map(p -> p.path("title").asText()))
                .containsExactly("Cluster phase and conditions", "Pods ready per component", "Rolling upgrades",
                        "Safekeepers", "Pageservers", "Operator");
    }

    @Test
    void promtoolAcceptsTheRenderedRules(@TempDir Path dir) {
        writeRules(dir);

        assertPasses(Promtool.run(dir, "check", "rules", "rules.yaml"));
    }

    @Test
    void everyAlertFiresWhenItShouldAndStaysQuietOtherwise(@TempDir Path dir) throws IOException {
        writeRules(dir);
        try (var in = MonitoringTemplateTest.class.getResourceAsStream("/promtool/alerts-test.yaml")) {
            Files.write(dir.resolve("alerts-test.yaml"), in.readAllBytes());
        }

        assertPasses(Promtool.run(dir, "test", "rules", "alerts-test.yaml"));
    }

    @Test
    void promtoolParsesEveryExpressionOfTheDashboard(@TempDir Path dir) throws IOException {
        JsonNode dashboard = JSON.readTree(NeonOperatorChart.render(TypicalOverrides.MONITORING)
                .one("ConfigMap", DASHBOARD).at("/data/neon-storage.json").asText());
        List<Map<String, String>> rules = new ArrayList<>();
        for (String expr : expressions(dashboard)) {
            String query = expr;
            for (Map.Entry<String, String> variable : GRAFANA_VARIABLES.entrySet()) {
                query = query.replace(variable.getKey(), variable.getValue());
            }
            Map<String, String> rule = new LinkedHashMap<>();
            rule.put("record", "neon_dashboard:panel_" + (rules.size() + 1));
            rule.put("expr", query);
            rules.add(rule);
        }
        assertThat(rules).hasSizeGreaterThanOrEqualTo(12);
        YAML.writeValue(dir.resolve("dashboard.yaml").toFile(),
                Map.of("groups", List.of(Map.of("name", "dashboard", "rules", rules))));

        assertPasses(Promtool.run(dir, "check", "rules", "dashboard.yaml"));
    }

    private static void writeRules(Path dir) {
        ObjectNode rule = NeonOperatorChart.render(TypicalOverrides.MONITORING).one("PrometheusRule", RULE);
        try {
            YAML.writeValue(dir.resolve("rules.yaml").toFile(), rule.path("spec"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertPasses(Promtool.Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static List<JsonNode> rules(ObjectNode rule) {
        List<JsonNode> rules = new ArrayList<>();
        rule.at("/spec/groups").forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    private static List<String> alerts(ObjectNode rule) {
        return rules(rule).stream().map(r -> r.path("alert").asText()).toList();
    }

    /** Every query of every panel, rows' nested panels included. */
    private static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("targets").forEach(targets -> targets.forEach(t -> expressions.add(t.path("expr").asText())));
        return expressions;
    }
}

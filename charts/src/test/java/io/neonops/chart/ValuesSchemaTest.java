package io.neonops.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValuesSchemaTest {

    static Stream<Arguments> badValues() {
        return Stream.of(
                rejected("negative replicas", "replicaCount: -1", "'/replicaCount'", "minimum"),
                rejected("unknown log format", "logFormat: xml", "'/logFormat'", "'json', 'text'"),
                rejected("bad image pull policy", "image: {pullPolicy: Sometimes}", "'/image/pullPolicy'", "'Always'"),
                rejected("watchNamespaces not a list", "watchNamespaces: team-a", "'/watchNamespaces'", "want array"),
                rejected("namespace that is no DNS label", "watchNamespaces: [Team_A]", "'/watchNamespaces/0'", "pattern"),
                rejected("port out of range", "health: {port: 70000}", "'/health/port'", "maximum"),
                rejected("misspelt key", "replicas: 2", "'replicas'", "not allowed"),
                rejected("alert delay that is no duration", "monitoring: {prometheusRule: {enabled: true, degradedFor: ten}}",
                        "'/monitoring/prometheusRule/degradedFor'", "pattern"),
                rejected("misspelt dashboard key", "monitoring: {dashboard: {enable: true}}", "'enable'", "not allowed"),
                rejected("resources without limits", "resources: {limits: null}", "'/resources'", "limits"),
                rejected("root user", "podSecurityContext: {runAsUser: 0}", "'/podSecurityContext/runAsUser'", "minimum"),
                rejected("two replicas without a lease", "{replicaCount: 2, leaderElection: {enabled: false}}",
                        "replicaCount is 2 but leaderElection.enabled is false", "reconcile the same clusters"),
                rejected("health and metrics on one port", "{health: {port: 9000}, metrics: {port: 9000}}",
                        "health.port and metrics.port must differ", "9000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void rejectsBadValuesNamingTheField(String description, ValuesOverride values, String field, String reason) {
        assertThat(NeonOperatorChart.renderFailure(values)).contains(field).contains(reason);
    }

    @Test
    void acceptsSeveralReplicasWithLeaderElection() {
        ValuesOverride replicas = ValuesOverride.of("three replicas", "replicaCount: 3");

        assertThat(NeonOperatorChart.render(replicas).deployment().at("/spec/replicas").asInt()).isEqualTo(3);
    }

    private static Arguments rejected(String description, String yaml, String field, String reason) {
        return Arguments.of(description, ValuesOverride.of(description, yaml), field, reason);
    }
}

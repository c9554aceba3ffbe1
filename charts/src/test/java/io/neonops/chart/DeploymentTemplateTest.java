package io.neonops.chart;

import static io.neonops.chart.NeonOperatorChart.NAMESPACE;
import static io.neonops.chart.NeonOperatorChart.RELEASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.neonops.operator.cli.RunCommand;
import io.neonops.operator.runtime.LogFormat;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class DeploymentTemplateTest {

    private static final Manifests DEFAULTS = NeonOperatorChart.render(ValuesOverride.DEFAULTS);

    @Test
    void podRunsAsNonRootWithTheRuntimeDefaultSeccompProfile() {
        JsonNode pod = DEFAULTS.deployment().at("/spec/template/spec/securityContext");

        assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("runAsUser").asInt()).isEqualTo(65532);
        assertThat(pod.path("runAsGroup").asInt()).isEqualTo(65532);
        assertThat(pod.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    }

    @Test
    void containerHasReadOnlyRootFilesystemNoEscalationAndNoCapabilities() {
        JsonNode container = DEFAULTS.operatorContainer().path("securityContext");

        assertThat(container.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.path("allowPrivilegeEscalation").isBoolean()).isTrue();
        assertThat(container.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(container.at("/capabilities/drop")).extracting(JsonNode::asText).containsExactly("ALL");
        assertThat(container.at("/capabilities/add").isMissingNode()).isTrue();
    }

    @Test
    void onlyWritablePathIsAnEmptyDirOnTmp() {
        JsonNode mounts = DEFAULTS.operatorContainer().path("volumeMounts");
        JsonNode volumes = DEFAULTS.deployment().at("/spec/template/spec/volumes");

        assertThat(mounts).hasSize(1);
        assertThat(mounts.get(0).path("mountPath").asText()).isEqualTo("/tmp");
        assertThat(volumes).hasSize(1);
        assertThat(volumes.get(0).path("name").asText()).isEqualTo(mounts.get(0).path("name").asText());
        assertThat(volumes.get(0).has("emptyDir")).isTrue();
    }

    @Test
    void probesCallHealthzAndReadyzOnTheHealthPort() {
        JsonNode container = DEFAULTS.operatorContainer();

        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        for (String probe : new String[] {"livenessProbe", "startupProbe", "readinessProbe"}) {
            assertThat(containerPort(container, container.path(probe).at("/httpGet/port").asText()))
                    .as(probe).isEqualTo(8081);
        }
    }

    @Test
    void portsFollowTheirValuesInProbesPortsAndFlags() {
        Manifests manifests = NeonOperatorChart.render(TypicalOverrides.PORTS_AND_TEXT_LOGS);
        JsonNode container = manifests.operatorContainer();

        assertThat(containerPort(container, container.at("/livenessProbe/httpGet/port").asText())).isEqualTo(9440);
        assertThat(containerPort(container, "metrics")).isEqualTo(9090);
        assertThat(manifests.operatorArgs())
                .contains("--health-port=9440", "--metrics-port=9090", "--log-format=text", "--server-side-apply=false");
    }

    @Test
    void defaultFlagsWatchAllNamespacesWithLeaderElectionInTheReleaseNamespace() {
        assertThat(DEFAULTS.operatorArgs()).containsExactly(
                "--server-side-apply=true",
                "--leader-election=true",
                "--leader-election-namespace=" + NAMESPACE,
                "--leader-election-lease-name=" + RELEASE,
                "--health-port=8081",
                "--metrics-port=8080",
                "--log-format=json",
                "--pod-monitors-by-default=false",
                "--storcon-hook-base-url=http://" + RELEASE + "-metrics." + NAMESPACE + ".svc:8080");
    }

    @Test
    void podNamespaceReachesTheOperatorThroughTheDownwardApi() {
        JsonNode env = DEFAULTS.operatorContainer().path("env");

        assertThat(env).anySatisfy(variable -> {
            assertThat(variable.path("name").asText()).isEqualTo("POD_NAMESPACE");
            assertThat(variable.at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.namespace");
        });
    }

    /** The chart and {@code neon-operator run} must agree on every flag's spelling and value syntax. */
    @Test
    void runAcceptsTheArgsOfEveryTypicalOverride() {
        for (ValuesOverride values : TypicalOverrides.all()) {
            List<String> args = NeonOperatorChart.render(values).operatorArgs();

            ParseResult parsed = new CommandLine(new RunCommand()).parseArgs(args.toArray(String[]::new));

            assertThat(parsed.unmatched()).as(values.description()).isEmpty();
            assertThat(parsed.matchedOptions()).as(values.description()).hasSameSizeAs(args);
        }
    }

    @Test
    void runReadsTheDefaultArgsAsTheChartMeansThem() {
        ParseResult parsed = new CommandLine(new RunCommand()).parseArgs(DEFAULTS.operatorArgs().toArray(String[]::new));

        assertThat(parsed.<Boolean>matchedOptionValue("--leader-election", false)).isTrue();
        assertThat(parsed.<Boolean>matchedOptionValue("--server-side-apply", false)).isTrue();
        assertThat(parsed.<Optional<String>>matchedOptionValue("--leader-election-namespace", null))
                .hasValue(NAMESPACE);
        assertThat(parsed.<String>matchedOptionValue("--leader-election-lease-name", null)).isEqualTo(RELEASE);
        assertThat(parsed.<Integer>matchedOptionValue("--health-port", 0)).isEqualTo(8081);
        assertThat(parsed.<Integer>matchedOptionValue("--metrics-port", 0)).isEqualTo(8080);
        assertThat(LogFormat.parse(parsed.matchedOptionValue("--log-format", null))).isEqualTo(LogFormat.JSON);
    }

    @Test
    void watchNamespacesBecomeOneNamespaceFlagEach() {
        assertThat(NeonOperatorChart.render(TypicalOverrides.WATCH_NAMESPACES).operatorArgs())
                .contains("--namespace=team-a", "--namespace=team-b");
        assertThat(DEFAULTS.operatorArgs()).noneMatch(arg -> arg.startsWith("--namespace"));
    }

    @Test
    void withoutLeaderElectionOldAndNewPodsNeverOverlap() {
        Manifests manifests = NeonOperatorChart.render(TypicalOverrides.LEADER_ELECTION_OFF);

        assertThat(manifests.operatorArgs()).contains("--leader-election=false")
                .noneMatch(arg -> arg.startsWith("--leader-election-"));
        assertThat(manifests.deployment().at("/spec/strategy/type").asText()).isEqualTo("Recreate");
    }

    @Test
    void withLeaderElectionRollsOnePodAtATimeKeepingOneRunning() {
        JsonNode strategy = DEFAULTS.deployment().at("/spec/strategy");

        assertThat(strategy.path("type").asText()).isEqualTo("RollingUpdate");
        assertThat(strategy.at("/rollingUpdate/maxUnavailable").asInt()).isZero();
    }

    @Test
    void leaseNamespaceAndNameAreSettings() {
        Manifests manifests = NeonOperatorChart.render(TypicalOverrides.LEASE_ELSEWHERE);

        assertThat(manifests.operatorArgs())
                .contains("--leader-election-namespace=operators", "--leader-election-lease-name=neon-lease");
        assertThat(manifests.deployment().at("/spec/replicas").asInt()).isEqualTo(2);
    }

    @Test
    void defaultResourcesHaveRequestsAndLimits() {
        JsonNode resources = DEFAULTS.operatorContainer().path("resources");

        assertThat(resources.at("/requests/cpu").asText()).isEqualTo("100m");
        assertThat(resources.at("/requests/memory").asText()).isEqualTo("256Mi");
        assertThat(resources.at("/limits/cpu").asText()).isEqualTo("1");
        assertThat(resources.at("/limits/memory").asText()).isEqualTo("512Mi");
    }

    @Test
    void resourcesAreTakenFromValues() {
        JsonNode resources = NeonOperatorChart.render(TypicalOverrides.RESOURCES).operatorContainer().path("resources");

        assertThat(resources.at("/requests/cpu").asText()).isEqualTo("250m");
        assertThat(resources.at("/requests/memory").asText()).isEqualTo("512Mi");
        assertThat(resources.at("/limits/cpu").asText()).isEqualTo("2");
        assertThat(resources.at("/limits/memory").asText()).isEqualTo("1Gi");
    }

    @Test
    void defaultImageIsTheChartAppVersion() throws IOException {
        String appVersion = new YAMLMapper().readTree(NeonOperatorChart.DIR.resolve("Chart.yaml").toFile())
                .path("appVersion").asText();
        JsonNode container = DEFAULTS.operatorContainer();

        assertThat(container.path("image").asText()).isEqualTo("neonops/neon-operator:" + appVersion);
        assertThat(container.path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
    }

    @Test
    void imageRepositoryTagPullPolicyAndPullSecretsAreTakenFromValues() {
        Manifests manifests = NeonOperatorChart.render(TypicalOverrides.IMAGE);

        assertThat(manifests.operatorContainer().path("image").asText())
                .isEqualTo("registry.example.com/neon/neon-operator:1.2.3");
        assertThat(manifests.operatorContainer().path("imagePullPolicy").asText()).isEqualTo("Always");
        assertThat(manifests.deployment().at("/spec/template/spec/imagePullSecrets/0/name").asText()).isEqualTo("regcred");
    }

    @Test
    void selectorMatchesThePodLabels() {
        JsonNode deployment = DEFAULTS.deployment();
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");

        deployment.at("/spec/selector/matchLabels").properties()
                .forEach(e -> assertThat(podLabels.path(e.getKey())).isEqualTo(e.getValue()));
    }

    /** The containerPort of the port a probe or Service names, or the number it gives directly. */
    static int containerPort(JsonNode container, String nameOrNumber) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(nameOrNumber)) {
                return port.path("containerPort").asInt();
            }
        }
        if (!nameOrNumber.matches("[0-9]+")) {
            throw new AssertionError("no container port named " + nameOrNumber + " in " + container.path("ports"));
        }
        return Integer.parseInt(nameOrNumber);
    }
}

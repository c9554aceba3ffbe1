package io.neonops.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChartLintTest {

    static List<ValuesOverride> typicalOverrides() {
        return TypicalOverrides.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typicalOverrides")
    void passesStrictLint(ValuesOverride values) {
        LintResult result = NeonOperatorChart.lintStrict(values);

        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.startsWith("[WARNING]") || m.startsWith("[ERROR]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typicalOverrides")
    void rendersOneDeploymentWithItsServiceAccountAndMetricsService(ValuesOverride values) {
        Manifests manifests = NeonOperatorChart.render(values);

        assertThat(manifests.ofKind("Deployment")).hasSize(1);
        assertThat(manifests.ofKind("Service")).hasSize(1);
        assertThat(manifests.objects()).allSatisfy(o -> assertThat(o.at("/metadata/name").asText()).isNotBlank());
    }
}

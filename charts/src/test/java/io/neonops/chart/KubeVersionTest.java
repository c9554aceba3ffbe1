package io.neonops.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.neonops.operator.runtime.KubernetesVersion;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class KubeVersionTest {

    @Test
    void chartRequiresTheKubernetesTheOperatorChecksForAtStart() throws IOException {
        String kubeVersion = new ObjectMapper(new YAMLFactory())
                .readTree(NeonOperatorChart.DIR.resolve("Chart.yaml").toFile()).path("kubeVersion").asText();

        assertThat(kubeVersion).isEqualTo(">=" + KubernetesVersion.MINIMUM + ".0-0");
    }
}

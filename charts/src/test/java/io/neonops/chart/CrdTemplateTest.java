package io.neonops.chart;

import static io.neonops.chart.NeonOperatorChart.DIR;
import static io.neonops.chart.NeonOperatorChart.REPOSITORY_CRDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CrdTemplateTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void chartReadsTheCrdsFromTheRepositoryCrdsDirectory() throws IOException {
        assertThat(Files.isSameFile(DIR.resolve("files/crds"), REPOSITORY_CRDS)).isTrue();
    }

    @Test
    void chartHasNoHelmCrdsDirectoryWhichHelmWouldNeverUpgrade() {
        assertThat(DIR.resolve("crds")).doesNotExist();
    }

    @Test
    void rendersEveryRepositoryCrdUnchangedExceptForTheKeepPolicy() throws IOException {
        List<ObjectNode> rendered = NeonOperatorChart.render(ValuesOverride.DEFAULTS).ofKind("CustomResourceDefinition");
        List<Path> sources = crdFiles();

        assertThat(sources).isNotEmpty();
        assertThat(rendered).hasSameSizeAs(sources);
        for (Path source : sources) {
            ObjectNode expected = (ObjectNode) YAML.readTree(source.toFile());
            expected.withObjectProperty("metadata").withObjectProperty("annotations")
                    .put("helm.sh/resource-policy", "keep");
            String name = expected.at("/metadata/name").asText();
            ObjectNode actual = NeonOperatorChart.render(ValuesOverride.DEFAULTS).one("CustomResourceDefinition", name);

            assertThat(numbersByValue(actual)).as("CRD %s rendered from %s", name, source).isEqualTo(numbersByValue(expected));
        }
    }

    @Test
    void everyCrdSurvivesHelmUninstall() {
        assertThat(NeonOperatorChart.render(ValuesOverride.DEFAULTS).ofKind("CustomResourceDefinition"))
                .isNotEmpty()
                .allSatisfy(crd -> assertThat(crd.at("/metadata/annotations/helm.sh~1resource-policy").asText())
                        .isEqualTo("keep"));
    }

    @Test
    void installsNoCrdWhenTheyAreManagedElsewhere() {
        assertThat(NeonOperatorChart.render(TypicalOverrides.NO_CRDS_NO_RBAC).ofKind("CustomResourceDefinition")).isEmpty();
    }

    private static List<Path> crdFiles() throws IOException {
        try (Stream<Path> files = Files.list(REPOSITORY_CRDS)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Helm's fromYaml/toYaml turns the generator's 7.0 into 7; the API server reads both as the same number. */
    private static JsonNode numbersByValue(JsonNode node) {
        if (node.isNumber()) {
            return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            object.properties().forEach(e -> copy.set(e.getKey(), numbersByValue(e.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(numbersByValue(element)));
            return copy;
        }
        return node;
    }
}

package io.neonops.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** The objects of one {@code helm template} run, looked up by kind and name. */
record Manifests(List<ObjectNode> objects) {

    private static final YAMLMapper YAML = new YAMLMapper();

    static Manifests parse(String multiDocumentYaml) {
        try {
            List<JsonNode> documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(multiDocumentYaml).readAll();
            return new Manifests(documents.stream()
                    .filter(JsonNode::isObject)
                    .map(ObjectNode.class::cast)
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("helm template printed YAML that does not parse", e);
        }
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    ObjectNode one(String kind, String name) {
        List<ObjectNode> matches = ofKind(kind).stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one " + kind + " named " + name + " but found " + matches.size()
                    + " among " + summary());
        }
        return matches.get(0);
    }

    ObjectNode deployment() {
        return one("Deployment", NeonOperatorChart.RELEASE);
    }

    JsonNode operatorContainer() {
        JsonNode containers = deployment().at("/spec/template/spec/containers");
        if (containers.size() != 1) {
            throw new AssertionError("expected one container in the Deployment but found " + containers);
        }
        return containers.get(0);
    }

    List<String> operatorArgs() {
        return YAML.convertValue(operatorContainer().path("args"),
                YAML.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    String summary() {
        return objects.stream()
                .map(o -> o.path("kind").asText() + " " + o.path("metadata").path("namespace").asText("-") + "/"
                        + o.path("metadata").path("name").asText())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}

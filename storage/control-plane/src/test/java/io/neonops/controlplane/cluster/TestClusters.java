package io.neonops.controlplane.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Fixtures: cluster specs written as the YAML a user would write. */
public final class TestClusters {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TestClusters() {
    }

    public static JsonNode specNode(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad fixture YAML", e);
        }
    }

    /** Cluster {@code ns/demo} with image {@code neon:1} plus the given spec lines. */
    public static ClusterSpec demo(String extraSpecYaml) {
        try {
            return ClusterSpecParser.parse("demo", "ns", specNode("image: neon:1\n" + extraSpecYaml));
        } catch (InvalidClusterSpecException e) {
            throw new IllegalArgumentException("bad fixture spec: " + e.getMessage(), e);
        }
    }
}

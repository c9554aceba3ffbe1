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

    /**
     * Cluster {@code ns/demo} of the modern topology (storage broker, storage controller with its managed database,
     * remote storage), with the given spec lines added.
     */
    public static ClusterSpec modern(String extraSpecYaml) {
        return modern("{}", "{}", extraSpecYaml);
    }

    /** A modern cluster with the given {@code storageBroker} and {@code storageController} sections. */
    public static ClusterSpec modern(String storageBroker, String storageController, String extraSpecYaml) {
        return demo("postgres: {versions: [16, 17]}\n"
                + "storageBroker: " + storageBroker + "\n"
                + "storageController: " + storageController + "\n"
                + "remoteStorage: {bucket: neon, region: eu-north-1, endpoint: \"http://minio:9000\"}\n"
                + extraSpecYaml);
    }
}

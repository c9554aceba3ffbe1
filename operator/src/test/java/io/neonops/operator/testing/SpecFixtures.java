package io.neonops.operator.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.ClusterSpecParser;
import io.neonops.controlplane.cluster.InvalidClusterSpecException;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.resources.Owner;
import java.io.IOException;
import java.util.Optional;

/** Resolved cluster specs for the pure builders, written as the spec YAML a user writes. */
public final class SpecFixtures {

    public static final Owner OWNER = new Owner("demo", Optional.of("uid-1"));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SpecFixtures() {
    }

    /** Cluster {@code ns/demo} with image {@code neon:1} and the given extra spec lines. */
    public static ClusterSpec spec(String extraSpecYaml) {
        try {
            return ClusterSpecParser.parse("demo", "ns", YAML.readTree("image: neon:1\n" + extraSpecYaml));
        } catch (IOException | InvalidClusterSpecException e) {
            throw new IllegalArgumentException("bad fixture spec: " + e.getMessage(), e);
        }
    }

    /** A cluster of the modern topology: storage broker, storage controller (managed database), remote storage. */
    public static final String MODERN = """
            postgres: {versions: [16, 17]}
            storageBroker: {}
            storageController: {}
            remoteStorage: {bucket: neon, region: eu-north-1, endpoint: "http://minio:9000"}
            """;

    public static ClusterResources resources(String extraSpecYaml) {
        return ClusterResources.build(spec(extraSpecYaml), OWNER, KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN);
    }
}

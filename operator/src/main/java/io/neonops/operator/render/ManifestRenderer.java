package io.neonops.operator.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.neonops.operator.resources.ClusterResources;

/** Prints the objects of a cluster as one YAML stream, in the order the operator creates them. */
public final class ManifestRenderer {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String DOCUMENT_START = "---";

    private ManifestRenderer() {
    }

    public static String yamlStream(ClusterResources resources) {
        StringBuilder out = new StringBuilder();
        for (HasMetadata object : resources.all()) {
            String yaml = SERIALIZATION.asYaml(object);
            if (!yaml.startsWith(DOCUMENT_START)) {
                out.append(DOCUMENT_START).append('\n');
            }
            out.append(yaml);
            if (!yaml.endsWith("\n")) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}

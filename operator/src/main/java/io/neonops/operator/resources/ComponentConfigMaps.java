package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.ComponentSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configuration files a component's nodes copy into their data directories (pageserver.toml), in one
 * ConfigMap per component: the shared files under their names, each node's own files (a modern pageserver's
 * identity.toml and metadata.json) under {@code <node>.<file>}.
 */
public final class ComponentConfigMaps {

    private ComponentConfigMaps() {
    }

    /** The ConfigMap of {@code nodes} (one component), or none when they need no files. */
    public static Optional<ConfigMap> build(ClusterSpec cluster, Component component, List<ComponentSpec> nodes, Owner owner) {
        Map<String, String> files = new TreeMap<>();
        for (ComponentSpec node : nodes) {
            node.configFiles().forEach((file, content) -> {
                String other = files.putIfAbsent(key(node, file), content);
                if (other != null && !other.equals(content)) {
                    throw new IllegalArgumentException(component.id() + " nodes disagree on the content of " + file
                            + ", which one ConfigMap cannot hold");
                }
            });
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConfigMapBuilder()
                .withMetadata(ComponentMetadata.owned(cluster, component, ResourceNames.configMap(cluster, component), owner))
                .withData(files)
                .build());
    }

    /** The ConfigMap key of one of the node's files. */
    static String key(ComponentSpec node, String file) {
        return node.nodeFiles().contains(file) ? node.memberName() + "." + file : file;
    }

    /** Each of the node's files, from its key to its plain name. */
    static List<KeyToPath> items(ComponentSpec node) {
        return node.configFiles().keySet().stream()
                .map(file -> new KeyToPathBuilder().withKey(key(node, file)).withPath(file).build())
                .toList();
    }
}

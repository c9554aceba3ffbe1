package io.neonops.controlplane.local;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.ComponentSpec;
import io.neonops.controlplane.component.ComponentSpecs;
import io.neonops.controlplane.component.LocalEnvironment;

/** The nodes of a local cluster, in start order, and the choice of some of them by name. */
final class LocalNodes {

    private LocalNodes() {
    }

    static List<LocalNode> of(ClusterSpec cluster, LocalEnvironment environment) {
        return ComponentSpecs.all(cluster, environment).stream()
                .map(spec -> node(name(spec, spec.component().replicas(cluster)), spec, environment))
                .toList();
    }

    private static LocalNode node(String name, ComponentSpec spec, LocalEnvironment environment) {
        if (spec.component().descriptor().localPostgres()) {
            // its one port, and the directory its descriptor names, which is LocalPostgres's too
            return new LocalNode.Postgres(name, spec.component(), environment.workDir(), spec.ports().get(0),
                    environment.pgDistribDir());
        }
        return new LocalNode.FromSpec(name, spec);
    }

    /** Safekeepers always carry their id (Neon's neon_local names them so); the others only when there are several. */
    static String name(ComponentSpec spec, int replicas) {
        boolean numbered = spec.component() == Component.SAFEKEEPER || replicas > 1;
        return numbered ? spec.component().id() + "-" + spec.nodeId() : spec.component().id();
    }

    /**
     * The nodes named, in start order; a component's plain name ({@code safekeeper}) means all of its nodes, and no
     * name at all means every node.
     */
    static <T extends ComponentNamed> List<T> select(List<T> nodes, List<String> names) {
        if (names.isEmpty()) {
            return nodes;
        }
        Set<String> unknown = new LinkedHashSet<>(names);
        List<T> selected = new ArrayList<>();
        for (T node : nodes) {
            String componentName = node.component().id();
            if (names.contains(node.name()) || names.contains(componentName)) {
                selected.add(node);
            }
            unknown.remove(node.name());
            unknown.remove(componentName);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown component " + String.join(", ", unknown) + "; this cluster has "
                    + nodes.stream().map(ComponentNamed::name).collect(Collectors.joining(", ")));
        }
        return selected;
    }
}

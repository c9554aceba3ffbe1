package io.neonops.operator.resources;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.ResourcesSpec;
import io.neonops.controlplane.cluster.StorageSpec;
import io.neonops.controlplane.component.Component;
import java.util.Optional;

/** The parts of a cluster spec that every component has, as its descriptor finds them, and where they are written. */
public final class ComponentSettings {

    private ComponentSettings() {
    }

    public static String image(ClusterSpec cluster, Component component) {
        return component.descriptor().image(cluster);
    }

    public static ResourcesSpec resources(ClusterSpec cluster, Component component) {
        return component.descriptor().resources(cluster);
    }

    /** The data volume; empty for a stateless component. */
    public static Optional<StorageSpec> storage(ClusterSpec cluster, Component component) {
        return component.descriptor().storage(cluster);
    }

    /** The component's section of a NeonCluster, as field errors name it: {@code spec.safekeepers}. */
    public static String specPath(Component component) {
        return component.descriptor().specPath();
    }
}

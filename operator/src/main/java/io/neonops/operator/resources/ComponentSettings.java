package io.neonops.operator.resources;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.ResourcesSpec;
import io.neonops.controlplane.cluster.StorageSpec;
import io.neonops.controlplane.component.Component;

/** The parts of a cluster spec that every component has, looked up by component, and where they are written. */
public final class ComponentSettings {

    private ComponentSettings() {
    }

    /** etcd has its own image; the pageserver and safekeeper binaries ship in the Neon image. */
    public static String image(ClusterSpec cluster, Component component) {
        return component == Component.ETCD ? cluster.etcd().image() : cluster.image();
    }

    public static ResourcesSpec resources(ClusterSpec cluster, Component component) {
        return switch (component) {
            case ETCD -> cluster.etcd().resources();
            case PAGESERVER -> cluster.pageserver().resources();
            case SAFEKEEPER -> cluster.safekeepers().resources();
        };
    }

    public static StorageSpec storage(ClusterSpec cluster, Component component) {
        return switch (component) {
            case ETCD -> cluster.etcd().storage();
            case PAGESERVER -> cluster.pageserver().storage();
            case SAFEKEEPER -> cluster.safekeepers().storage();
        };
    }

    /** The component's section of a NeonCluster, as field errors name it: {@code spec.safekeepers}. */
    public static String specPath(Component component) {
        return switch (component) {
            case ETCD -> "spec.etcd";
            case PAGESERVER -> "spec.pageserver";
            case SAFEKEEPER -> "spec.safekeepers";
        };
    }
}

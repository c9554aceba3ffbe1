package io.neonops.operator.resources;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.ComponentSpecs;

/** Names of everything the operator creates for a cluster, all derived from the cluster's name. */
public final class ResourceNames {

    private ResourceNames() {
    }

    /** {@code <cluster>-<component>-<index>}: the node's member name among its peers. */
    public static String pod(ClusterSpec cluster, Component component, int index) {
        return ComponentSpecs.memberName(cluster, component, index);
    }

    /** The data volume of a node: {@code <pod>-data}. */
    public static String volumeClaim(ClusterSpec cluster, Component component, int index) {
        return pod(cluster, component, index) + "-data";
    }

    /** The component's headless Service {@code <cluster>-<component>}, which gives each pod a DNS name. */
    public static String service(ClusterSpec cluster, Component component) {
        return cluster.name() + "-" + component.id();
    }

    /** The component's ConfigMap of configuration files, {@code <cluster>-<component>}. */
    public static String configMap(ClusterSpec cluster, Component component) {
        return service(cluster, component);
    }

    /** The component's PodDisruptionBudget, {@code <cluster>-<component>}. */
    public static String disruptionBudget(ClusterSpec cluster, Component component) {
        return service(cluster, component);
    }
}

package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;

/** The metadata of every object of a component: its name, the cluster's namespace, and the component's labels. */
public final class ComponentMetadata {

    private ComponentMetadata() {
    }

    public static ObjectMetaBuilder builder(ClusterSpec cluster, Component component, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(cluster.namespace())
                .withLabels(ResourceLabels.of(cluster.name(), component));
    }

    /** The metadata of an object that goes when the cluster goes. */
    public static ObjectMeta owned(ClusterSpec cluster, Component component, String name, Owner owner) {
        return builder(cluster, component, name).withOwnerReferences(owner.reference()).build();
    }
}

package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the {@link ComponentSpec} of every node of a cluster: pure functions of the spec and environment. */
public final class ComponentSpecs {

    private ComponentSpecs() {
    }

    public static ComponentSpec node(ClusterSpec cluster, Environment env, Component component, int index) {
        int replicas = component.replicas(cluster);
        if (index < 0 || index >= replicas) {
            throw new IllegalArgumentException(component.id() + " node index " + index + " is outside 0.." + (replicas - 1));
        }
        return switch (component) {
            case ETCD -> EtcdNodeSpec.build(cluster, env, index);
            case PAGESERVER -> PageserverNodeSpec.build(cluster, env, index);
            case SAFEKEEPER -> SafekeeperNodeSpec.build(cluster, env, index);
        };
    }

    /** Every node of one component, by index. */
    public static List<ComponentSpec> nodes(ClusterSpec cluster, Environment env, Component component) {
        List<ComponentSpec> nodes = new ArrayList<>();
        for (int i = 0; i < component.replicas(cluster); i++) {
            nodes.add(node(cluster, env, component, i));
        }
        return List.copyOf(nodes);
    }

    /** Every node of the cluster in start order: etcd, pageservers, safekeepers. */
    public static List<ComponentSpec> all(ClusterSpec cluster, Environment env) {
        List<ComponentSpec> nodes = new ArrayList<>();
        for (Component c : Component.START_ORDER) {
            nodes.addAll(nodes(cluster, env, c));
        }
        return List.copyOf(nodes);
    }

    /** {@code <cluster>-<component>-<index>}: the pod name in Kubernetes and the member name everywhere. */
    public static String memberName(ClusterSpec cluster, Component component, int index) {
        return cluster.name() + "-" + component.id() + "-" + index;
    }

    /** The node's ports as the environment numbers them. */
    static List<NodePort> ports(Environment env, Component component, int index) {
        return component.defaultPorts().stream()
                .map(p -> p.withPort(env.port(component, index, p)))
                .collect(Collectors.toUnmodifiableList());
    }

    /** etcd client URLs, which the pageserver and safekeepers use as their broker endpoints. */
    static List<String> brokerEndpoints(ClusterSpec cluster, Environment env) {
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < cluster.etcd().replicas(); i++) {
            endpoints.add(url(env.advertisedHost(Component.ETCD, i), env.port(Component.ETCD, i, NodePort.ETCD_CLIENT)));
        }
        return List.copyOf(endpoints);
    }

    static String url(String host, int port) {
        return "http://" + address(host, port);
    }

    static String address(String host, int port) {
        return host + ":" + port;
    }
}

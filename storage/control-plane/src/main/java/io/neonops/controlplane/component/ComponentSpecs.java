package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the {@link ComponentSpec} of every node of a cluster: pure functions of the spec and environment. */
public final class ComponentSpecs {

    private ComponentSpecs() {
    }

    /** One node of a cluster whose etcd members all bootstrapped together (a new cluster; local mode always). */
    public static ComponentSpec node(ClusterSpec cluster, Environment env, Component component, int index) {
        return node(cluster, env, EtcdMembership.bootstrapAll(cluster), component, index);
    }

    /** One node, with etcd members started as {@code etcd} says: bootstrapping or joining the running cluster. */
    public static ComponentSpec node(ClusterSpec cluster, Environment env, EtcdMembership etcd, Component component,
                                     int index) {
        int replicas = component.replicas(cluster);
        if (index < 0 || index >= replicas) {
            throw new IllegalArgumentException(component.id() + " node index " + index + " is outside 0.." + (replicas - 1));
        }
        return component.descriptor().node(cluster, env, etcd, index);
    }

    /** Every node of one component, by index, all etcd members bootstrapping together. */
    public static List<ComponentSpec> nodes(ClusterSpec cluster, Environment env, Component component) {
        return nodes(cluster, env, EtcdMembership.bootstrapAll(cluster), component);
    }

    /** Every node of one component, by index. */
    public static List<ComponentSpec> nodes(ClusterSpec cluster, Environment env, EtcdMembership etcd,
                                            Component component) {
        List<ComponentSpec> nodes = new ArrayList<>();
        for (int i = 0; i < component.replicas(cluster); i++) {
            nodes.add(node(cluster, env, etcd, component, i));
        }
        return List.copyOf(nodes);
    }

    /** Every node of the cluster in start order (etcd, pageservers, safekeepers), all etcd members bootstrapping. */
    public static List<ComponentSpec> all(ClusterSpec cluster, Environment env) {
        return all(cluster, env, EtcdMembership.bootstrapAll(cluster));
    }

    /** Every node of the cluster in start order: etcd, pageservers, safekeepers. */
    public static List<ComponentSpec> all(ClusterSpec cluster, Environment env, EtcdMembership etcd) {
        List<ComponentSpec> nodes = new ArrayList<>();
        for (Component c : Component.startOrder(cluster)) {
            nodes.addAll(nodes(cluster, env, etcd, c));
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
        return etcdClientUrls(env, cluster.etcd().replicas());
    }

    /** The client URLs of etcd members {@code 0..members-1}, where clients reach them. */
    public static List<String> etcdClientUrls(Environment env, int members) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            urls.add(url(env.advertisedHost(Component.ETCD, i), env.port(Component.ETCD, i, NodePort.ETCD_CLIENT)));
        }
        return List.copyOf(urls);
    }

    /** The peer URL etcd member {@code index} advertises: how its peers know it, and what adding it announces. */
    public static String etcdPeerUrl(Environment env, int index) {
        return url(env.advertisedHost(Component.ETCD, index), env.port(Component.ETCD, index, NodePort.ETCD_PEER));
    }

    /**
     * Where clients reach a cluster-wide service: its Service on the well-known port in Kubernetes, its one node's
     * port on 127.0.0.1 in local mode.
     */
    static String serviceUrl(Environment env, Component component, NodePort port) {
        return url(env.serviceHost(component), env.port(component, 0, port));
    }

    static String url(String host, int port) {
        return "http://" + address(host, port);
    }

    static String address(String host, int port) {
        return host + ":" + port;
    }
}

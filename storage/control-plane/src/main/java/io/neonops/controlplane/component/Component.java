package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The kinds of daemon a Neon storage cluster runs: the identity used in names, labels and maps. What differs
 * between them is in each kind's {@link ComponentDescriptor}.
 */
public enum Component {
    ETCD("etcd", new EtcdDescriptor()),
    PAGESERVER("pageserver", new PageserverDescriptor()),
    SAFEKEEPER("safekeeper", new SafekeeperDescriptor());

    /** Where every daemon serves Prometheus metrics on its {@link #metricsPort()}. */
    public static final String METRICS_PATH = "/metrics";

    /** First start: what others connect to starts before them, as each descriptor ranks itself. */
    public static final List<Component> START_ORDER = ordered(Comparator.comparingInt(c -> c.descriptor.startRank()));

    /** A rolling upgrade, as each descriptor ranks itself. */
    public static final List<Component> ROLL_ORDER = ordered(Comparator.comparingInt(c -> c.descriptor.rollRank()));

    private final String id;
    private final ComponentDescriptor descriptor;

    Component(String id, ComponentDescriptor descriptor) {
        this.id = id;
        this.descriptor = descriptor;
    }

    /** Lower-case name used in resource names, labels and local-mode component names. */
    public String id() {
        return id;
    }

    public ComponentDescriptor descriptor() {
        return descriptor;
    }

    /** The ports this component listens on, with their well-known numbers. */
    public List<NodePort> defaultPorts() {
        return descriptor.defaultPorts();
    }

    /** The port (one of {@link #defaultPorts()}) that serves {@link #METRICS_PATH}: etcd's client port, the daemons' HTTP port. */
    public NodePort metricsPort() {
        return descriptor.metricsPort();
    }

    public int replicas(ClusterSpec cluster) {
        return descriptor.replicas(cluster);
    }

    public static Component fromId(String id) {
        for (Component c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown component \"" + id + "\", expected etcd, pageserver or safekeeper");
    }

    private static List<Component> ordered(Comparator<Component> order) {
        return Arrays.stream(values()).sorted(order).toList();
    }
}

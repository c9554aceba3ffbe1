package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import java.util.List;

/** The three kinds of daemon a Neon storage cluster runs, in the order they start. */
public enum Component {
    ETCD("etcd", List.of(NodePort.ETCD_CLIENT, NodePort.ETCD_PEER), NodePort.ETCD_CLIENT),
    PAGESERVER("pageserver", List.of(NodePort.PAGESERVER_PG, NodePort.PAGESERVER_HTTP), NodePort.PAGESERVER_HTTP),
    SAFEKEEPER("safekeeper", List.of(NodePort.SAFEKEEPER_PG, NodePort.SAFEKEEPER_HTTP), NodePort.SAFEKEEPER_HTTP);

    /** Where every daemon serves Prometheus metrics on its {@link #metricsPort()}. */
    public static final String METRICS_PATH = "/metrics";

    /** Start order: the broker first, then the pageserver that subscribes to it, then the safekeepers. */
    public static final List<Component> START_ORDER = List.of(ETCD, PAGESERVER, SAFEKEEPER);

    private final String id;
    private final List<NodePort> defaultPorts;
    private final NodePort metricsPort;

    Component(String id, List<NodePort> defaultPorts, NodePort metricsPort) {
        this.id = id;
        this.defaultPorts = defaultPorts;
        this.metricsPort = metricsPort;
    }

    /** Lower-case name used in resource names, labels and local-mode component names. */
    public String id() {
        return id;
    }

    /** The ports this component listens on, with their well-known numbers. */
    public List<NodePort> defaultPorts() {
        return defaultPorts;
    }

    /** The port (one of {@link #defaultPorts()}) that serves {@link #METRICS_PATH}: etcd's client port, the daemons' HTTP port. */
    public NodePort metricsPort() {
        return metricsPort;
    }

    public int replicas(ClusterSpec cluster) {
        return switch (this) {
            case ETCD -> cluster.etcd().replicas();
            case PAGESERVER -> cluster.pageserver().replicas();
            case SAFEKEEPER -> cluster.safekeepers().replicas();
        };
    }

    public static Component fromId(String id) {
        for (Component c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown component \"" + id + "\", expected etcd, pageserver or safekeeper");
    }
}

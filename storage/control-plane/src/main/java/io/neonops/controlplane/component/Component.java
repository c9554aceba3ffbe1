package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of daemon a Neon storage cluster runs: the identity used in names, labels and maps. What differs
 * between them is in each kind's {@link ComponentDescriptor}.
 */
public enum Component {
    ETCD("etcd", new EtcdDescriptor()),
    PAGESERVER("pageserver", new PageserverDescriptor()),
    SAFEKEEPER("safekeeper", new SafekeeperDescriptor()),
    STORAGE_BROKER("storage-broker", new StorageBrokerDescriptor()),
    STORAGE_CONTROLLER("storage-controller", new StorageControllerDescriptor()),
    STORAGE_CONTROLLER_DB("storage-controller-db", new StorageControllerDbDescriptor());

    /** Where every daemon serves Prometheus metrics on its {@link #metricsPort()}. */
    public static final String METRICS_PATH = "/metrics";

    /** A rolling upgrade, as each descriptor ranks itself. */
    public static final List<Component> ROLL_ORDER =
            Arrays.stream(values()).sorted(Comparator.comparingInt(c -> c.descriptor.rollRank())).toList();

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
    public Optional<NodePort> metricsPort() {
        return descriptor.metricsPort();
    }

    public int replicas(ClusterSpec cluster) {
        return descriptor.replicas(cluster);
    }

    /**
     * The components {@code cluster} runs (those it asks nodes of), in first-start order: what others connect to
     * starts before them, as each descriptor ranks itself for the cluster's generation.
     */
    public static List<Component> startOrder(ClusterSpec cluster) {
        return Arrays.stream(values()).filter(c -> c.replicas(cluster) > 0)
                .sorted(startOrder(cluster.storageBroker().isPresent())).toList();
    }

    /** First-start order of the components of a generation ({@code storageBroker}: modern). */
    public static Comparator<Component> startOrder(boolean storageBroker) {
        return Comparator.comparingInt(c -> c.descriptor.startRank(storageBroker));
    }

    public static Component fromId(String id) {
        for (Component c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown component \"" + id + "\", expected one of "
                + Arrays.stream(values()).map(Component::id).collect(Collectors.joining(", ")));
    }
}

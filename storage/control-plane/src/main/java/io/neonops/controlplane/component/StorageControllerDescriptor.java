package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.LocalPorts;
import io.neonops.controlplane.cluster.ResourcesSpec;
import io.neonops.controlplane.cluster.StorageControllerSpec;
import io.neonops.controlplane.cluster.StorageSpec;
import java.util.List;
import java.util.Optional;

/**
 * The storage controller: its state is in its database, so it has no volume. One replica: it runs as a single
 * leader, and a second instance would only wait as a candidate (Neon's chart runs one too).
 */
final class StorageControllerDescriptor extends ClusterServiceDescriptor {

    @Override
    public List<NodePort> defaultPorts() {
        return List.of(NodePort.STORAGE_CONTROLLER_HTTP);
    }

    @Override
    public Optional<NodePort> metricsPort() {
        return Optional.of(NodePort.STORAGE_CONTROLLER_HTTP);
    }

    @Override
    public int replicas(ClusterSpec cluster) {
        return cluster.storageController().isPresent() ? 1 : 0;
    }

    @Override
    public ComponentSpec node(ClusterSpec cluster, Environment env, EtcdMembership etcd, int index) {
        return StorageControllerNodeSpec.build(cluster, env, index);
    }

    @Override
    public String image(ClusterSpec cluster) {
        return cluster.image();
    }

    @Override
    public String binaryName() {
        return "storage_controller";
    }

    @Override
    public ResourcesSpec resources(ClusterSpec cluster) {
        return cluster.storageController().map(StorageControllerSpec::resources).orElse(ResourcesSpec.NONE);
    }

    @Override
    public Optional<StorageSpec> storage(ClusterSpec cluster) {
        return Optional.empty();
    }

    @Override
    public String specPath() {
        return StorageControllerSpec.SPEC_PATH;
    }

    /** After its database, which it needs to start; before the pageservers, which block until it answers. */
    @Override
    public int startRank(boolean storageBroker) {
        return 1;
    }

    /** After the broker and its database, before the daemons it heartbeats. */
    @Override
    public int rollRank() {
        return 2;
    }

    @Override
    public String memberNoun() {
        return "storage controller";
    }

    @Override
    public boolean neonBinary() {
        return true;
    }

    @Override
    public int localBasePort(LocalPorts ports, NodePort port) {
        return ports.storageControllerPort();
    }

    @Override
    String localDirectory() {
        return "storage_controller";
    }
}

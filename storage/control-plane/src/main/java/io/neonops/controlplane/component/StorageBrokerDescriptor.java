package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.LocalPorts;
import io.neonops.controlplane.cluster.ResourcesSpec;
import io.neonops.controlplane.cluster.StorageBrokerSpec;
import io.neonops.controlplane.cluster.StorageSpec;
import java.util.List;
import java.util.Optional;

/**
 * The storage broker: stateless pub/sub between safekeepers and pageservers, so no volume, and a restart loses
 * nothing; its clients connect lazily, so it may start and roll before them.
 */
final class StorageBrokerDescriptor extends ClusterServiceDescriptor {

    @Override
    public List<NodePort> defaultPorts() {
        return List.of(NodePort.STORAGE_BROKER);
    }

    @Override
    public Optional<NodePort> metricsPort() {
        return Optional.of(NodePort.STORAGE_BROKER);
    }

    @Override
    public int replicas(ClusterSpec cluster) {
        return cluster.storageBroker().map(StorageBrokerSpec::replicas).orElse(0);
    }

    @Override
    public ComponentSpec node(ClusterSpec cluster, Environment env, EtcdMembership etcd, int index) {
        return StorageBrokerNodeSpec.build(cluster, env, index);
    }

    @Override
    public String image(ClusterSpec cluster) {
        return cluster.image();
    }

    @Override
    public String binaryName() {
        return "storage_broker";
    }

    @Override
    public ResourcesSpec resources(ClusterSpec cluster) {
        return cluster.storageBroker().map(StorageBrokerSpec::resources).orElse(ResourcesSpec.NONE);
    }

    @Override
    public Optional<StorageSpec> storage(ClusterSpec cluster) {
        return Optional.empty();
    }

    @Override
    public String specPath() {
        return StorageBrokerSpec.SPEC_PATH;
    }

    @Override
    public int startRank(boolean storageBroker) {
        return 2;
    }

    @Override
    public int rollRank() {
        return 0;
    }

    @Override
    public String memberNoun() {
        return "storage broker";
    }

    @Override
    public boolean neonBinary() {
        return true;
    }

    @Override
    public int localBasePort(LocalPorts ports, NodePort port) {
        return ports.storageBrokerPort();
    }

    @Override
    String localDirectory() {
        return "storage_broker";
    }
}

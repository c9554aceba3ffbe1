package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.LocalPorts;
import io.neonops.controlplane.cluster.ResourcesSpec;
import io.neonops.controlplane.cluster.StorageSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The 2022 broker: a quorum of etcd members from their own image, which resolve each other before any is Ready
 * and record on their volumes how many members bootstrapped together.
 */
final class EtcdDescriptor implements ComponentDescriptor {

    @Override
    public List<NodePort> defaultPorts() {
        return List.of(NodePort.ETCD_CLIENT, NodePort.ETCD_PEER);
    }

    @Override
    public Optional<NodePort> metricsPort() {
        return Optional.of(NodePort.ETCD_CLIENT);
    }

    @Override
    public int replicas(ClusterSpec cluster) {
        return cluster.etcd().replicas();
    }

    @Override
    public ComponentSpec node(ClusterSpec cluster, Environment env, EtcdMembership etcd, int index) {
        return EtcdNodeSpec.build(cluster, env, etcd, index);
    }

    @Override
    public String image(ClusterSpec cluster) {
        return cluster.etcd().image();
    }

    @Override
    public String binaryName() {
        return "etcd";
    }

    @Override
    public ResourcesSpec resources(ClusterSpec cluster) {
        return cluster.etcd().resources();
    }

    @Override
    public Optional<StorageSpec> storage(ClusterSpec cluster) {
        return Optional.of(cluster.etcd().storage());
    }

    @Override
    public String specPath() {
        return "spec.etcd";
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
    public QuorumRule quorum() {
        return QuorumRule.MAJORITY;
    }

    @Override
    public String removalRefusedBecause() {
        return "removing an etcd member needs an etcd membership change, which the operator does not do";
    }

    @Override
    public String memberNoun() {
        return "etcd member";
    }

    @Override
    public boolean publishesNotReadyAddresses(ClusterSpec cluster) {
        return true;
    }

    @Override
    public boolean servesPostgres() {
        return false;
    }

    @Override
    public boolean checksJwt() {
        return false;
    }

    @Override
    public boolean usesRemoteStorage() {
        return false;
    }

    @Override
    public boolean recordsBootstrapMembership() {
        return true;
    }

    @Override
    public boolean neonBinary() {
        return false;
    }

    @Override
    public int localBasePort(LocalPorts ports, NodePort port) {
        return port.equals(NodePort.ETCD_CLIENT) ? ports.etcdClientPort() : ports.etcdPeerPort();
    }

    /** A member takes a client and a peer port, which sit next to each other by default. */
    @Override
    public int localPortStride() {
        return 2;
    }

    /** One member keeps neon_local's plain {@code DIR/etcd}. */
    @Override
    public Path localDataDir(Path workDir, int id, int members) {
        return workDir.resolve(members == 1 ? "etcd" : "etcd-" + id);
    }
}

package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.LocalPorts;
import io.neonops.controlplane.cluster.ResourcesSpec;
import io.neonops.controlplane.cluster.StorageSpec;
import io.neonops.safekeeper.api.WalPositionSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Safekeepers: they hold the WAL, so no second one may be down while one is. */
final class SafekeeperDescriptor extends NeonDaemonDescriptor {

    @Override
    public List<NodePort> defaultPorts() {
        return List.of(NodePort.SAFEKEEPER_PG, NodePort.SAFEKEEPER_HTTP);
    }

    @Override
    public Optional<NodePort> metricsPort() {
        return Optional.of(NodePort.SAFEKEEPER_HTTP);
    }

    @Override
    public int replicas(ClusterSpec cluster) {
        return cluster.safekeepers().replicas();
    }

    @Override
    public ComponentSpec node(ClusterSpec cluster, Environment env, EtcdMembership etcd, int index) {
        return SafekeeperNodeSpec.build(cluster, env, index);
    }

    @Override
    public String binaryName() {
        return "safekeeper";
    }

    @Override
    public ResourcesSpec resources(ClusterSpec cluster) {
        return cluster.safekeepers().resources();
    }

    @Override
    public Optional<StorageSpec> storage(ClusterSpec cluster) {
        return Optional.of(cluster.safekeepers().storage());
    }

    @Override
    public String specPath() {
        return "spec.safekeepers";
    }

    @Override
    public int startRank(boolean storageBroker) {
        return 4;
    }

    /** After the broker and the storage controller: the pageservers read from them. */
    @Override
    public int rollRank() {
        return 3;
    }

    @Override
    public QuorumRule quorum() {
        return QuorumRule.ALL_OTHERS_READY;
    }

    @Override
    public String removalRefusedBecause() {
        return "a safekeeper holds the WAL of the timelines placed on it, and removing one needs those timelines moved to"
                + " the remaining safekeepers first (a membership change of each timeline), which the operator does not do";
    }

    @Override
    public String memberNoun() {
        return "safekeeper";
    }

    @Override
    public boolean publishesNotReadyAddresses(ClusterSpec cluster) {
        return false;
    }

    @Override
    public boolean servesPostgres() {
        return false;
    }

    /** In the modern generation; the storage controller places timelines only on the safekeepers it knows. */
    @Override
    public boolean registeredWithStorageController() {
        return true;
    }

    /**
     * The 2022 releases (etcd broker) publish the positions only as {@code /metrics} gauges; the modern ones list
     * their timelines and give each one's status.
     */
    @Override
    public Optional<WalPositionSource> walPositions(ClusterSpec cluster) {
        return Optional.of(cluster.storageBroker().isPresent() ? WalPositionSource.TIMELINE_STATUS : WalPositionSource.METRICS);
    }

    @Override
    public int localBasePort(LocalPorts ports, NodePort port) {
        return port.equals(NodePort.SAFEKEEPER_PG) ? ports.safekeeperPgPort() : ports.safekeeperHttpPort();
    }

    @Override
    public Path localDataDir(Path workDir, int id, int members) {
        return workDir.resolve("safekeepers").resolve("sk" + id);
    }
}

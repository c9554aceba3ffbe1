package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.LocalPorts;
import io.neonops.controlplane.cluster.ResourcesSpec;
import io.neonops.controlplane.cluster.StorageSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * Pageservers: they run the Postgres distributions for the timelines they hold, keep no quorum (their data is
 * in remote storage and the safekeepers), and start after the broker they subscribe to.
 */
final class PageserverDescriptor extends NeonDaemonDescriptor {

    @Override
    public List<NodePort> defaultPorts() {
        return List.of(NodePort.PAGESERVER_PG, NodePort.PAGESERVER_HTTP);
    }

    @Override
    public NodePort metricsPort() {
        return NodePort.PAGESERVER_HTTP;
    }

    @Override
    public int replicas(ClusterSpec cluster) {
        return cluster.pageserver().replicas();
    }

    @Override
    public ComponentSpec node(ClusterSpec cluster, Environment env, EtcdMembership etcd, int index) {
        return PageserverNodeSpec.build(cluster, env, index);
    }

    @Override
    public ResourcesSpec resources(ClusterSpec cluster) {
        return cluster.pageserver().resources();
    }

    @Override
    public StorageSpec storage(ClusterSpec cluster) {
        return cluster.pageserver().storage();
    }

    @Override
    public String specPath() {
        return "spec.pageserver";
    }

    @Override
    public int startRank() {
        return 1;
    }

    /** Last: they read from the safekeepers. */
    @Override
    public int rollRank() {
        return 2;
    }

    @Override
    public QuorumRule quorum() {
        return QuorumRule.NONE;
    }

    @Override
    public String memberNoun() {
        return "pageserver";
    }

    @Override
    public boolean servesPostgres() {
        return true;
    }

    @Override
    public int localBasePort(LocalPorts ports, NodePort port) {
        return port.equals(NodePort.PAGESERVER_PG) ? ports.pageserverPgPort() : ports.pageserverHttpPort();
    }

    @Override
    public Path localDataDir(Path workDir, int id, int members) {
        return workDir.resolve("pageserver_" + id);
    }
}

package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.AuthSpec;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.LocalPorts;
import io.neonops.controlplane.cluster.ResourcesSpec;
import io.neonops.controlplane.cluster.StorageSpec;
import io.neonops.storage.common.NodeId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pageservers: they run the Postgres distributions for the timelines they hold, keep no quorum (their data is
 * in remote storage and the safekeepers), and start last: a modern one blocks its start on the storage controller,
 * and finds the safekeepers through the broker.
 */
final class PageserverDescriptor extends NeonDaemonDescriptor {

    private static final int MODERN_START_RANK = 5;

    @Override
    public List<NodePort> defaultPorts() {
        return List.of(NodePort.PAGESERVER_PG, NodePort.PAGESERVER_HTTP);
    }

    @Override
    public Optional<NodePort> metricsPort() {
        return Optional.of(NodePort.PAGESERVER_HTTP);
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
    public String binaryName() {
        return "pageserver";
    }

    @Override
    public ResourcesSpec resources(ClusterSpec cluster) {
        return cluster.pageserver().resources();
    }

    @Override
    public Optional<StorageSpec> storage(ClusterSpec cluster) {
        return Optional.of(cluster.pageserver().storage());
    }

    @Override
    public String specPath() {
        return "spec.pageserver";
    }

    /**
     * A modern pageserver blocks its start on the storage controller and starts after the safekeepers (which get
     * registered first); a 2022 one starts right after etcd, as neon_local started it.
     */
    @Override
    public int startRank(boolean storageBroker) {
        return storageBroker ? MODERN_START_RANK : 3;
    }

    /** Last: they read from the safekeepers. */
    /** Shards with a secondary elsewhere can be served there while the pageserver restarts (Neon's RFC 033). */
    @Override
    public boolean drainedByStorageController() {
        return true;
    }

    @Override
    public int rollRank() {
        return 4;
    }

    @Override
    public QuorumRule quorum() {
        return QuorumRule.NONE;
    }

    /** Only without a storage controller: with one, the storage controller moves the shards away first. */
    @Override
    public String removalRefusedBecause() {
        return "without a storage controller a pageserver holds its tenants on its own volume, and nothing moves them to"
                + " another one first";
    }

    @Override
    public String memberNoun() {
        return "pageserver";
    }

    /** A modern pageserver serves once the storage controller lists it Active, under the id of its identity.toml. */
    @Override
    public Optional<NodeId> storageControllerNode(ClusterSpec cluster, int index) {
        return cluster.storageBroker().isPresent() ? Optional.of(PageserverNodeSpec.nodeId(index)) : Optional.empty();
    }

    /**
     * With {@code spec.auth}, a modern pageserver presents {@code control_plane_api_token} (scope
     * {@code generations_api}) on its re-attach and validate upcalls, or a storage controller with a public key refuses
     * them; the pageserver reads it from pageserver.toml only, so it is added there from
     * {@code spec.auth.storageControllerSecret}.
     */
    @Override
    public Optional<SecretConfigKeys> secretConfigKeys(ClusterSpec cluster) {
        if (cluster.storageBroker().isEmpty() || !cluster.auth().enabled()) {
            return Optional.empty();
        }
        return cluster.auth().storageControllerSecret().map(secret -> new SecretConfigKeys(PageserverNodeSpec.CONFIG_FILE,
                Map.of("control_plane_api_token", new EnvValue.FromSecret(secret, AuthSpec.PAGESERVER_UPCALL_TOKEN_KEY))));
    }

    /** The storage controller must resolve a pageserver while it registers, before its HTTP API (and so Ready) is up. */
    @Override
    public boolean publishesNotReadyAddresses(ClusterSpec cluster) {
        return cluster.storageBroker().isPresent();
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

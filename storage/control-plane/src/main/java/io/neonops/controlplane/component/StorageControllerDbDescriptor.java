package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.LocalPorts;
import io.neonops.controlplane.cluster.ResourcesSpec;
import io.neonops.controlplane.cluster.StorageControllerDatabase;
import io.neonops.controlplane.cluster.StorageControllerSpec;
import io.neonops.controlplane.cluster.StorageSpec;
import io.neonops.controlplane.posix.Signal;
import io.neonops.controlplane.postgres.LocalPostgres;
import io.neonops.controlplane.process.StopMode;
import java.util.List;
import java.util.Optional;

/**
 * The Postgres the operator runs for the storage controller when the spec does not name one: the official
 * {@code postgres} image on its own volume, which holds the pageservers' generation numbers and so must last.
 */
final class StorageControllerDbDescriptor extends ClusterServiceDescriptor {

    /** The {@code postgres} user of the official image, which owns its files. */
    static final long POSTGRES_USER_ID = 999L;

    @Override
    public List<NodePort> defaultPorts() {
        return List.of(NodePort.STORAGE_CONTROLLER_DB);
    }

    /** Postgres serves no Prometheus metrics of its own. */
    @Override
    public Optional<NodePort> metricsPort() {
        return Optional.empty();
    }

    @Override
    public int replicas(ClusterSpec cluster) {
        return managed(cluster).isPresent() ? 1 : 0;
    }

    @Override
    public ComponentSpec node(ClusterSpec cluster, Environment env, EtcdMembership etcd, int index) {
        return StorageControllerDbNodeSpec.build(cluster, env, index);
    }

    @Override
    public String image(ClusterSpec cluster) {
        return managed(cluster).map(StorageControllerDatabase.Managed::image)
                .orElse(StorageControllerDatabase.Managed.DEFAULT_IMAGE);
    }

    /** The image's entrypoint, which creates the database and user on an empty volume before it runs postgres. */
    @Override
    public String binaryName() {
        return "docker-entrypoint.sh";
    }

    @Override
    public long userId() {
        return POSTGRES_USER_ID;
    }

    @Override
    public ResourcesSpec resources(ClusterSpec cluster) {
        return managed(cluster).map(StorageControllerDatabase.Managed::resources).orElse(ResourcesSpec.NONE);
    }

    @Override
    public Optional<StorageSpec> storage(ClusterSpec cluster) {
        return managed(cluster).map(StorageControllerDatabase.Managed::storage);
    }

    @Override
    public String specPath() {
        return StorageControllerDatabase.MANAGED_SPEC_PATH;
    }

    /** First: the storage controller exits when it finds no database at start. */
    @Override
    public int startRank(boolean storageBroker) {
        return 0;
    }

    /** Just before the storage controller, whose connections a restart of the database breaks anyway. */
    @Override
    public int rollRank() {
        return 1;
    }

    @Override
    public String memberNoun() {
        return "storage controller database";
    }

    @Override
    public boolean neonBinary() {
        return false;
    }

    @Override
    public int localBasePort(LocalPorts ports, NodePort port) {
        return ports.storageControllerDbPort();
    }

    /** Postgres's fast shutdown: SIGTERM is its smart one, which waits for the storage controller's pool to leave. */
    @Override
    public Signal stopSignal(StopMode mode) {
        return LocalPostgres.stopSignal(mode);
    }

    @Override
    public boolean localPostgres() {
        return true;
    }

    @Override
    String localDirectory() {
        return "storage_controller_db";
    }

    private static Optional<StorageControllerDatabase.Managed> managed(ClusterSpec cluster) {
        return cluster.storageController().map(StorageControllerSpec::database)
                .filter(StorageControllerDatabase.Managed.class::isInstance)
                .map(StorageControllerDatabase.Managed.class::cast);
    }
}

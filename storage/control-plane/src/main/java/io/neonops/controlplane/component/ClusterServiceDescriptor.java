package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.LocalPorts;
import java.nio.file.Path;

/**
 * What the cluster-wide services of the modern topology share (the storage broker, the storage controller and its
 * database): clients reach them through one Service name, not per node; they keep no quorum, serve no Postgres
 * majors, check no JWT files and use no bucket. Local mode runs each on its {@code spec.local} port, in a directory
 * named as neon_local names it.
 */
abstract sealed class ClusterServiceDescriptor implements ComponentDescriptor
        permits StorageBrokerDescriptor, StorageControllerDescriptor, StorageControllerDbDescriptor {

    @Override
    public QuorumRule quorum() {
        return QuorumRule.NONE;
    }

    @Override
    public boolean publishesNotReadyAddresses(ClusterSpec cluster) {
        return false;
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
        return false;
    }

    @Override
    public int localPortStride() {
        return 1;
    }

    @Override
    public Path localDataDir(Path workDir, int id, int members) {
        return workDir.resolve(localDirectory());
    }

    /** The directory under local mode's work directory. */
    abstract String localDirectory();
}

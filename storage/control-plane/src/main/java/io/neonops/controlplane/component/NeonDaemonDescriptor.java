package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;

/**
 * What Neon's own daemons share: their binary is in the Neon image (and in local mode in {@code --neon-bin-dir}),
 * they check JWTs and use the remote storage bucket, and each takes one port of every kind.
 */
abstract sealed class NeonDaemonDescriptor implements ComponentDescriptor
        permits PageserverDescriptor, SafekeeperDescriptor {

    @Override
    public String image(ClusterSpec cluster) {
        return cluster.image();
    }

    @Override
    public boolean checksJwt() {
        return true;
    }

    @Override
    public boolean usesRemoteStorage() {
        return true;
    }

    @Override
    public boolean recordsBootstrapMembership() {
        return false;
    }

    @Override
    public boolean neonBinary() {
        return true;
    }

    @Override
    public int localPortStride() {
        return 1;
    }
}

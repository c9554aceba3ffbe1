package io.neonops.controlplane.cluster;

/**
 * Base ports for local mode, where every daemon shares 127.0.0.1: member {@code i} of a component adds an
 * offset to its base (etcd {@code 2i}, since each member takes two ports; the others {@code i}).
 */
public record LocalPorts(
        int etcdClientPort,
        int etcdPeerPort,
        int pageserverPgPort,
        int pageserverHttpPort,
        int safekeeperPgPort,
        int safekeeperHttpPort,
        int storageBrokerPort,
        int storageControllerPort,
        int storageControllerDbPort) {

    /** neon_local's ports; its storage controller's Postgres listens on the controller's port + 1. */
    public static final LocalPorts DEFAULTS = new LocalPorts(2379, 2380, 64000, 9898, 5454, 7676, 50051, 1234, 1235);
}

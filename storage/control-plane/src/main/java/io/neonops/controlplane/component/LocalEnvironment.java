package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.LocalPorts;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Local mode: every daemon on 127.0.0.1 under one work directory, laid out as neon_local does
 * ({@code DIR/etcd}, {@code DIR/pageserver_1}, {@code DIR/safekeepers/sk1}). Members of one component are
 * told apart by port offsets from the {@code spec.local} base ports.
 *
 * @param workDir      the local cluster's directory, {@code .neon} by default
 * @param neonBinDir   where the pageserver and safekeeper executables are; empty means look them up on PATH
 * @param pgDistribDir the Postgres distributions ({@code vNN} directories)
 * @param ports        base ports
 * @param etcdMembers  how many etcd members the cluster has (one member keeps the plain {@code DIR/etcd})
 */
public record LocalEnvironment(Path workDir, Optional<Path> neonBinDir, Path pgDistribDir, LocalPorts ports, int etcdMembers)
        implements Environment {

    public static final String LOCALHOST = "127.0.0.1";
    public static final String AUTH_PUBLIC_KEY_FILE = "auth_public_key.pem";

    public LocalEnvironment {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(neonBinDir, "neonBinDir");
        Objects.requireNonNull(pgDistribDir, "pgDistribDir");
        Objects.requireNonNull(ports, "ports");
        workDir = workDir.toAbsolutePath().normalize();
        neonBinDir = neonBinDir.map(d -> d.toAbsolutePath().normalize());
        pgDistribDir = pgDistribDir.toAbsolutePath().normalize();
    }

    @Override
    public String listenHost() {
        return LOCALHOST;
    }

    @Override
    public String advertisedHost(Component component, int index) {
        return LOCALHOST;
    }

    @Override
    public int port(Component component, int index, NodePort port) {
        int base = switch (component) {
            case ETCD -> port.equals(NodePort.ETCD_CLIENT) ? ports.etcdClientPort() : ports.etcdPeerPort();
            case PAGESERVER -> port.equals(NodePort.PAGESERVER_PG) ? ports.pageserverPgPort() : ports.pageserverHttpPort();
            case SAFEKEEPER -> port.equals(NodePort.SAFEKEEPER_PG) ? ports.safekeeperPgPort() : ports.safekeeperHttpPort();
        };
        // an etcd member takes a client and a peer port, which sit next to each other by default
        return base + (component == Component.ETCD ? 2 * index : index);
    }

    @Override
    public Path dataDir(Component component, int index) {
        int id = index + 1;
        return switch (component) {
            case ETCD -> workDir.resolve(etcdMembers == 1 ? "etcd" : "etcd-" + id);
            case PAGESERVER -> workDir.resolve("pageserver_" + id);
            case SAFEKEEPER -> workDir.resolve("safekeepers").resolve("sk" + id);
        };
    }

    @Override
    public String binary(Component component) {
        if (component == Component.ETCD) {
            return "etcd";
        }
        return neonBinDir.map(dir -> dir.resolve(component.id()).toString()).orElse(component.id());
    }

    @Override
    public Path pgDistribDir() {
        return pgDistribDir;
    }

    @Override
    public Path authPublicKeyPath() {
        return workDir.resolve(AUTH_PUBLIC_KEY_FILE);
    }
}

package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.LocalPorts;
import io.neonops.controlplane.cluster.ClusterSpec;
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
    public String serviceHost(Component component) {
        return LOCALHOST;
    }

    @Override
    public Optional<String> computeNotificationUrl(ClusterSpec cluster) {
        return Optional.empty();
    }

    @Override
    public int port(Component component, int index, NodePort port) {
        ComponentDescriptor descriptor = component.descriptor();
        return descriptor.localBasePort(ports, port) + descriptor.localPortStride() * index;
    }

    @Override
    public Path dataDir(Component component, int index) {
        return component.descriptor().localDataDir(workDir, index + 1, etcdMembers);
    }

    @Override
    public String binary(Component component) {
        String name = component.descriptor().binaryName();
        if (!component.descriptor().neonBinary()) {
            return name;
        }
        return neonBinDir.map(dir -> dir.resolve(name).toString()).orElse(name);
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

package io.neonops.operator.resources;

import io.neonops.controlplane.cluster.AuthSpec;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.Environment;
import io.neonops.controlplane.component.NodePort;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a cluster's daemons run in Kubernetes: one pod per node, each with its own IP, so every node uses the
 * well-known ports; peers reach a node at its per-pod DNS name under the component's headless Service.
 *
 * @param cluster       the NeonCluster
 * @param clusterDomain the Kubernetes cluster's DNS domain, {@code cluster.local} unless it was set up otherwise
 */
public record KubernetesEnvironment(ClusterSpec cluster, String clusterDomain) implements Environment {

    public static final String DEFAULT_CLUSTER_DOMAIN = "cluster.local";
    public static final String LISTEN_ALL = "0.0.0.0";
    public static final Path DATA_DIR = Path.of("/data");
    /** Neon's image installs the Postgres distributions as /usr/local/vNN. */
    public static final Path PG_DISTRIB_DIR = Path.of("/usr/local");
    public static final Path CONFIG_DIR = Path.of("/etc/neon/config");
    public static final Path AUTH_DIR = Path.of("/etc/neon/auth");

    public KubernetesEnvironment {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(clusterDomain, "clusterDomain");
    }

    @Override
    public String listenHost() {
        return LISTEN_ALL;
    }

    @Override
    public String advertisedHost(Component component, int index) {
        return ResourceNames.pod(cluster, component, index) + "." + ResourceNames.service(cluster, component)
                + "." + cluster.namespace() + ".svc." + clusterDomain;
    }

    @Override
    public int port(Component component, int index, NodePort port) {
        return port.port();
    }

    @Override
    public Path dataDir(Component component, int index) {
        return DATA_DIR;
    }

    @Override
    public String binary(Component component) {
        return component.id();
    }

    @Override
    public Path pgDistribDir() {
        return PG_DISTRIB_DIR;
    }

    @Override
    public Path authPublicKeyPath() {
        return AUTH_DIR.resolve(AuthSpec.PUBLIC_KEY_FILE);
    }
}

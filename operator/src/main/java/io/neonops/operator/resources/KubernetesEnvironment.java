package io.neonops.operator.resources;

import io.neonops.controlplane.cluster.AuthSpec;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.Environment;
import io.neonops.controlplane.component.NodePort;
import io.neonops.operator.storcon.ComputeNotificationHook;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a cluster's daemons run in Kubernetes: one pod per node, each with its own IP, so every node uses the
 * well-known ports; peers reach a node at its per-pod DNS name under the component's headless Service.
 *
 * @param cluster       the NeonCluster
 * @param clusterDomain the Kubernetes cluster's DNS domain, {@code cluster.local} unless it was set up otherwise
 * @param operatorUrl   where the storage controller reaches the operator's compute-notification hook
 */
public record KubernetesEnvironment(ClusterSpec cluster, String clusterDomain, String operatorUrl) implements Environment {

    /** The metrics Service of the chart installed as release {@code neon-operator} in namespace {@code neon-operator}. */
    public static final String DEFAULT_OPERATOR_URL = "http://neon-operator-metrics.neon-operator.svc:8080";

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
        Objects.requireNonNull(operatorUrl, "operatorUrl");
    }

    public KubernetesEnvironment(ClusterSpec cluster, String clusterDomain) {
        this(cluster, clusterDomain, DEFAULT_OPERATOR_URL);
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

    /** The component's headless Service: it resolves to the Ready pods, and follows a restarted pod's new address. */
    @Override
    public String serviceHost(Component component) {
        return ResourceNames.service(cluster, component) + "." + cluster.namespace() + ".svc." + clusterDomain;
    }

    @Override
    public Optional<String> computeNotificationUrl(ClusterSpec spec) {
        return Optional.of(ComputeNotificationHook.url(operatorUrl, spec.namespace(), spec.name()));
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
        return component.descriptor().binaryName();
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

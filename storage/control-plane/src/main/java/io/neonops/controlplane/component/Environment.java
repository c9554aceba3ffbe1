package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a cluster's daemons run: the only thing that differs between Kubernetes pods and local processes.
 * Everything else about a node's command line comes from the cluster spec.
 */
public interface Environment {

    /** Address daemons bind to: 0.0.0.0 in a pod, 127.0.0.1 locally. */
    String listenHost();

    /** The host name other daemons reach node {@code index} of {@code component} at. */
    String advertisedHost(Component component, int index);

    /** The host name clients reach a cluster-wide service at (the storage broker, the storage controller). */
    String serviceHost(Component component);

    /**
     * The URL prefix of the compute-notification hooks the storage controller calls ({@code --control-plane-url});
     * empty where there is none to call and it notifies computes locally, as neon_local does.
     */
    Optional<String> computeNotificationUrl(ClusterSpec cluster);

    /** The number of {@code port} (one of the component's default ports) on node {@code index}. */
    int port(Component component, int index, NodePort port);

    /** The node's data directory (its volume in a pod). */
    Path dataDir(Component component, int index);

    /** The daemon's executable: a bare name looked up on PATH, or an absolute path. */
    String binary(Component component);

    /** Where the Postgres distributions live, with one {@code vNN} directory per major. */
    Path pgDistribDir();

    /** Where the daemons read the JWT public key from when auth is enabled. */
    Path authPublicKeyPath();
}

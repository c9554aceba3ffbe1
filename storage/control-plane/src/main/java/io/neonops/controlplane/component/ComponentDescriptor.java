package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.LocalPorts;
import io.neonops.controlplane.cluster.ResourcesSpec;
import io.neonops.controlplane.cluster.StorageSpec;
import io.neonops.controlplane.posix.Signal;
import io.neonops.controlplane.process.StopMode;
import io.neonops.storage.common.NodeId;
import io.neonops.safekeeper.api.WalPositionSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything that differs between the kinds of daemon, in one place per kind: builders and planners (pods,
 * Services, volumes, budgets, the roll, local mode) ask the descriptor and never test which kind they hold.
 *
 * <p>A sealed interface with one final class per kind rather than abstract methods on {@link Component}: the
 * enum stays the small, stable identity that labels, EnumMaps and {@code fromId} use, while each kind's
 * behaviour reads as one class, and the compiler makes a new kind answer every question below.
 */
public sealed interface ComponentDescriptor
        permits EtcdDescriptor, NeonDaemonDescriptor, ClusterServiceDescriptor {

    /**
     * The signal that asks the daemon for a stop of this mode; Neon's daemons and etcd take the mode's own.
     */
    default Signal stopSignal(StopMode mode) {
        return mode.signal();
    }

    /**
     * Whether local mode runs this node as a Postgres of its own ({@link io.neonops.controlplane.postgres.LocalPostgres})
     * rather than from its {@link ComponentSpec}, which describes the official image's entrypoint.
     */
    default boolean localPostgres() {
        return false;
    }

    /**
     * The id under which the storage controller lists node {@code index} as a pageserver, when being in service there
     * is part of the node's readiness (a modern pageserver); empty for every other node.
     */
    default Optional<NodeId> storageControllerNode(ClusterSpec cluster, int index) {
        return Optional.empty();
    }

    /** Credentials the node's configuration file needs, added from their Secrets rather than written in the file. */
    default Optional<SecretConfigKeys> secretConfigKeys(ClusterSpec cluster) {
        return Optional.empty();
    }

    /** Whether the storage controller must be told of these nodes once they run: it never learns of them itself. */
    default boolean registeredWithStorageController() {
        return false;
    }

    /**
     * Whether, where a storage controller places tenants, it moves them off a node before the node restarts (drain)
     * and back after (fill), and moves them away for good before the node is removed.
     */
    default boolean drainedByStorageController() {
        return false;
    }

    /**
     * Why the operator does not remove nodes of this kind when the spec asks for fewer than exist, for the refusal's
     * message; kinds removed some other way never get here.
     */
    default String removalRefusedBecause() {
        return "removing nodes needs a membership change, which the operator does not do";
    }

    /** The user Neon's image runs as (its first {@code useradd}). */
    long NEON_USER_ID = 1000L;

    /** The ports this kind listens on, with their well-known numbers. */
    List<NodePort> defaultPorts();

    /** The port (one of {@link #defaultPorts()}) that serves {@link Component#METRICS_PATH}, if the daemon has one. */
    Optional<NodePort> metricsPort();

    /** How many nodes of this kind the spec asks for. */
    int replicas(ClusterSpec cluster);

    /** What it takes to run node {@code index}. */
    ComponentSpec node(ClusterSpec cluster, Environment env, EtcdMembership etcd, int index);

    /** The container image that holds this kind's binary. */
    String image(ClusterSpec cluster);

    /** The executable's file name, in the image's PATH and in local mode's binary directory. */
    String binaryName();

    /** The non-root user the image's files belong to, which the daemon runs as. */
    default long userId() {
        return NEON_USER_ID;
    }

    ResourcesSpec resources(ClusterSpec cluster);

    /** The node's data volume; empty for a stateless daemon, which gets none. */
    Optional<StorageSpec> storage(ClusterSpec cluster);

    /** The kind's section of a NeonCluster, as field errors name it: {@code spec.safekeepers}. */
    String specPath();

    /**
     * Position in first start: what others connect to starts before them. The generation ({@code storageBroker}:
     * modern) is all it depends on, so that local mode can order the daemons it finds by their pid files alone.
     */
    int startRank(boolean storageBroker);

    /** Position in a rolling upgrade, which differs from {@link #startRank(boolean)}. */
    int rollRank();

    /** What taking one node down must not break. */
    QuorumRule quorum();

    /**
     * Where the nodes publish how far they hold each timeline's WAL, when they hold WAL that a restart must not leave
     * without a caught-up quorum; the API a release speaks follows from the cluster's generation. Empty for kinds
     * that hold no WAL.
     */
    default Optional<WalPositionSource> walPositions(ClusterSpec cluster) {
        return Optional.empty();
    }

    /** How peers and the operator refer to one node in messages: {@code etcd member}. */
    String memberNoun();

    /** Whether nodes are spread over Kubernetes nodes: losing one must cost at most one member of a quorum. */
    default boolean spreadsOverNodes() {
        return quorum() != QuorumRule.NONE;
    }

    /** Whether node drains are limited by a disruption budget to one unavailable node at a time. */
    default boolean disruptionBudget(ClusterSpec cluster) {
        return quorum() != QuorumRule.NONE;
    }

    /** Whether the headless Service publishes pods before they are Ready, for peers that must resolve them first. */
    boolean publishesNotReadyAddresses(ClusterSpec cluster);

    /** Whether the nodes run the spec's Postgres majors, so that adding one restarts them. */
    boolean servesPostgres();

    /** Whether the nodes check JWTs, and so mount the public key when auth is enabled. */
    boolean checksJwt();

    /** Whether the nodes use the remote storage bucket, and so get its credentials. */
    boolean usesRemoteStorage();

    /** Whether the data volume records the cluster's bootstrap membership (etcd's static peer list). */
    boolean recordsBootstrapMembership();

    /** Whether the binary ships in the Neon image (and in local mode, in {@code --neon-bin-dir}). */
    boolean neonBinary();

    /** Local mode: the base port of {@code port}, from the spec's {@code spec.local}. */
    int localBasePort(LocalPorts ports, NodePort port);

    /** Local mode: how many ports one node takes, so node {@code i} adds {@code i * stride} to the bases. */
    int localPortStride();

    /** Local mode: the node's data directory, laid out as neon_local does. */
    Path localDataDir(Path workDir, int id, int members);
}

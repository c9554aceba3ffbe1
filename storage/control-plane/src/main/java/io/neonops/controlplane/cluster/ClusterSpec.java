package io.neonops.controlplane.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * A NeonCluster's spec with every default resolved: what both the operator and local mode build from.
 * Built only by {@link ClusterSpecParser}, so that defaults and validation live in one place.
 */
public record ClusterSpec(
        String name,
        String namespace,
        String image,
        ImagePullPolicy imagePullPolicy,
        PostgresSpec postgres,
        BrokerSpec broker,
        Optional<StorageControllerSpec> storageController,
        PageserverSpec pageserver,
        SafekeeperSpec safekeepers,
        Optional<RemoteStorageSpec> remoteStorage,
        AuthSpec auth,
        DeletionPolicy deletionPolicy,
        UpgradeSpec upgrade,
        LocalPorts localPorts) {

    public ClusterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(imagePullPolicy, "imagePullPolicy");
        Objects.requireNonNull(postgres, "postgres");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(storageController, "storageController");
        Objects.requireNonNull(pageserver, "pageserver");
        Objects.requireNonNull(safekeepers, "safekeepers");
        Objects.requireNonNull(remoteStorage, "remoteStorage");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(deletionPolicy, "deletionPolicy");
        Objects.requireNonNull(upgrade, "upgrade");
        Objects.requireNonNull(localPorts, "localPorts");
    }

    /** The etcd broker, or {@link EtcdSpec#NONE} (no members) when the cluster runs the storage broker. */
    public EtcdSpec etcd() {
        return broker instanceof EtcdSpec etcd ? etcd : EtcdSpec.NONE;
    }

    public Optional<StorageBrokerSpec> storageBroker() {
        return broker instanceof StorageBrokerSpec storageBroker ? Optional.of(storageBroker) : Optional.empty();
    }
}

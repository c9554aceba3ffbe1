package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.DeletionPolicy;
import io.neonops.controlplane.cluster.StorageSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.EtcdMembership;
import java.util.Map;
import java.util.Optional;

/**
 * A node's data volume. It is owned by the cluster only under {@code deletionPolicy: Delete}: with the default
 * Retain, deleting the cluster leaves the data, and a re-created cluster of the same name finds it again.
 * An etcd member's volume also records how many members the cluster bootstrapped with
 * ({@link EtcdBootstrapMembers}).
 */
public final class DataVolumeClaims {

    public static final String STORAGE = "storage";

    private DataVolumeClaims() {
    }

    /** The claim of node {@code index}, or none for a stateless component. */
    public static Optional<PersistentVolumeClaim> build(ClusterSpec cluster, EtcdMembership etcd, Component component,
                                                        int index, Owner owner) {
        return ComponentSettings.storage(cluster, component)
                .map(storage -> claim(cluster, etcd, component, index, owner, storage));
    }

    private static PersistentVolumeClaim claim(ClusterSpec cluster, EtcdMembership etcd, Component component, int index,
                                               Owner owner, StorageSpec storage) {
        ObjectMetaBuilder metadata =
                ComponentMetadata.builder(cluster, component, ResourceNames.volumeClaim(cluster, component, index));
        if (component.descriptor().recordsBootstrapMembership()) {
            metadata.withAnnotations(EtcdBootstrapMembers.annotation(etcd));
        }
        if (cluster.deletionPolicy() == DeletionPolicy.Delete) {
            metadata.withOwnerReferences(owner.reference());
        }
        return new PersistentVolumeClaimBuilder()
                .withMetadata(metadata.build())
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(storage.storageClassName().orElse(null))
                .withNewResources().withRequests(Map.of(STORAGE, new Quantity(storage.size()))).endResources()
                .endSpec()
                .build();
    }
}

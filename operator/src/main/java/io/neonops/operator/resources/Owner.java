package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.neonops.operator.cluster.NeonCluster;
import java.util.Objects;
import java.util.Optional;

/**
 * The NeonCluster that owns the created objects, so that deleting it deletes them.
 *
 * @param name the cluster's name
 * @param uid  the cluster's uid; unknown when rendering a manifest that was never applied
 */
public record Owner(String name, Optional<String> uid) {

    public Owner {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uid, "uid");
    }

    public static Owner of(NeonCluster cluster) {
        return new Owner(cluster.getMetadata().getName(), Optional.ofNullable(cluster.getMetadata().getUid()));
    }

    /** A controller reference that blocks the owner's foreground deletion until the object is gone. */
    public OwnerReference reference() {
        return new OwnerReferenceBuilder()
                .withApiVersion(NeonCluster.API_VERSION)
                .withKind(NeonCluster.KIND)
                .withName(name)
                .withUid(uid.orElse(null))
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    /** Whether {@code reference} points at a NeonCluster of this name (whatever its uid). */
    public boolean isReferencedBy(OwnerReference reference) {
        return NeonCluster.KIND.equals(reference.getKind()) && name.equals(reference.getName())
                && reference.getApiVersion() != null && reference.getApiVersion().startsWith(NeonCluster.GROUP + "/");
    }
}

package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.resources.DatabaseSecrets;
import io.neonops.operator.resources.NodePods;
import io.neonops.operator.resources.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The writes that take the observed cluster to the desired one: none at all when nothing differs. */
public final class ChangePlanner {

    private ChangePlanner() {
    }

    /** The changes of a cluster that lost no volume. */
    public static List<Change> plan(ClusterResources desired, ObservedCluster observed, Owner owner) {
        return plan(desired, observed, owner, Set.of());
    }

    /**
     * The changes, but for creating the volumes {@code withheld} and the pods that mount them.
     *
     * @param withheld names of volumes that must not be created (lost ones, {@link LostVolumes})
     */
    public static List<Change> plan(ClusterResources desired, ObservedCluster observed, Owner owner,
                                    Set<String> withheld) {
        List<Change> changes = new ArrayList<>();
        for (HasMetadata want : desired.all()) {
            Optional<HasMetadata> existing = observed.find(want);
            if (existing.isEmpty()) {
                boolean needsWithheld = withheld.contains(want.getMetadata().getName())
                        || want instanceof Pod pod && dataClaims(pod).stream().anyMatch(withheld::contains);
                if (want instanceof Secret secret) {
                    changes.add(new Change.Create(DatabaseSecrets.generated(secret, desired.cluster()), false));
                } else if (!needsWithheld) {
                    changes.add(new Change.Create(want, want instanceof Pod pod && hasVolume(pod, observed)));
                }
                continue;
            }
            List<String> parts = Drift.between(want, existing.get(), owner);
            if (!parts.isEmpty()) {
                // an update sends the whole intent: a Secret's keeps the data it was created with
                HasMetadata update = want instanceof Secret secret
                        ? DatabaseSecrets.keeping(secret, (Secret) existing.get()) : want;
                changes.add(new Change.Update(update, existing.get(), parts));
            }
        }
        return changes;
    }

    /** Whether the volume the pod's data directory lives on already exists. */
    private static boolean hasVolume(Pod pod, ObservedCluster observed) {
        return dataClaims(pod).stream().anyMatch(name -> observed.find(PersistentVolumeClaim.class, name).isPresent());
    }

    /** The claim the pod's data directory lives on, as the pod names it; empty for a pod without one. */
    static List<String> dataClaims(Pod pod) {
        if (pod.getSpec() == null || pod.getSpec().getVolumes() == null) {
            return List.of();
        }
        return pod.getSpec().getVolumes().stream()
                .filter(v -> NodePods.DATA_VOLUME.equals(v.getName()) && v.getPersistentVolumeClaim() != null)
                .map(v -> v.getPersistentVolumeClaim().getClaimName())
                .toList();
    }
}

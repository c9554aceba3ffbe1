package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.resources.NodePods;
import io.neonops.operator.resources.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The writes that take the observed cluster to the desired one: none at all when nothing differs. */
public final class ChangePlanner {

    private ChangePlanner() {
    }

    public static List<Change> plan(ClusterResources desired, ObservedCluster observed, Owner owner) {
        List<Change> changes = new ArrayList<>();
        for (HasMetadata want : desired.all()) {
            Optional<HasMetadata> existing = observed.find(want);
            if (existing.isEmpty()) {
                changes.add(new Change.Create(want, want instanceof Pod pod && hasVolume(pod, observed)));
                continue;
            }
            List<String> parts = Drift.between(want, existing.get(), owner);
            if (!parts.isEmpty()) {
                changes.add(new Change.Update(want, existing.get(), parts));
            }
        }
        return changes;
    }

    /** Whether the volume the pod's data directory lives on already exists. */
    private static boolean hasVolume(Pod pod, ObservedCluster observed) {
        return pod.getSpec().getVolumes().stream()
                .filter(v -> NodePods.DATA_VOLUME.equals(v.getName()) && v.getPersistentVolumeClaim() != null)
                .anyMatch(v -> observed.find(PersistentVolumeClaim.class, v.getPersistentVolumeClaim().getClaimName())
                        .isPresent());
    }
}

package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.Pod;
import io.neonops.controlplane.component.Component;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.status.NodeHealth;
import io.neonops.operator.storcon.ObservedStorageController;
import io.neonops.operator.upgrade.ObservedPod;
import io.neonops.operator.upgrade.PodRef;
import io.neonops.operator.upgrade.SpecSummaryAnnotations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pods the spec wants as the rolling upgrade and the status see them: each desired pod next to the observed one,
 * if any. A modern pageserver is Ready only when its pod is and the storage controller lists it Active.
 */
public final class ObservedPods {

    private ObservedPods() {
    }

    /**
     * @param storageController the reconcile's one listing of the storage controller, which a modern pageserver's
     *                          readiness depends on
     * @param deleted uids of pods this operator deleted that the informer still shows: they count as being deleted
     * @param now     stands in for the creation time of a pod that has none, which the API server always sets
     */
    public static List<ObservedPod> of(ClusterResources desired, ObservedCluster observed,
                                       ObservedStorageController storageController, Set<String> deleted,
                                       Instant now) {
        List<ObservedPod> pods = new ArrayList<>();
        for (Component component : Component.startOrder(desired.cluster())) {
            List<Pod> wanted = desired.pods(component);
            for (int index = 0; index < wanted.size(); index++) {
                Pod want = wanted.get(index);
                String name = want.getMetadata().getName();
                PodRef ref = new PodRef(component, index, name);
                String desiredHash = NodeHealth.specHash(want);
                boolean admitted = component.descriptor().storageControllerNode(desired.cluster(), index)
                        .map(storageController::admits).orElse(true);
                pods.add(observed.find(Pod.class, name)
                        .map(pod -> observe(ref, pod, admitted, desiredHash, deleted, now))
                        .orElseGet(() -> ObservedPod.missing(ref, desiredHash)));
            }
        }
        return pods;
    }

    /** @param admitted whether the storage controller, where it has a say, counts the node in service */
    private static ObservedPod observe(PodRef ref, Pod pod, boolean admitted, String desiredHash, Set<String> deleted,
                                       Instant now) {
        boolean deleting = pod.getMetadata().getDeletionTimestamp() != null || deleted.contains(pod.getMetadata().getUid());
        Instant createdAt = Optional.ofNullable(pod.getMetadata().getCreationTimestamp()).map(Instant::parse).orElse(now);
        Map<String, String> annotations = pod.getMetadata().getAnnotations() == null ? Map.of() : pod.getMetadata().getAnnotations();
        return new ObservedPod(ref, true, NodeHealth.isReady(pod) && admitted, deleting, createdAt, NodeHealth.specHash(pod),
                SpecSummaryAnnotations.read(annotations).orElse(null), desiredHash);
    }
}

package io.neonops.operator.status;

import io.fabric8.kubernetes.api.model.Pod;
import io.neonops.operator.resources.SpecHash;
import java.util.Map;
import java.util.Objects;

/** What the operator reads from an existing pod: whether it serves, and whether it runs the desired spec. */
public final class NodeHealth {

    private NodeHealth() {
    }

    /** Ready as the kubelet reports it, and not on its way out. */
    public static boolean isReady(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null
                || pod.getStatus().getConditions() == null) {
            return false;
        }
        return pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && ClusterConditions.TRUE.equals(c.getStatus()));
    }

    /** Whether any container of the pod has started, i.e. it is past scheduling and image pulls. */
    public static boolean isStarted(Pod pod) {
        return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
    }

    /** Whether {@code observed} was created from the same spec as {@code desired}. */
    public static boolean isUpdated(Pod observed, Pod desired) {
        return Objects.equals(specHash(observed), specHash(desired));
    }

    /** The spec-hash annotation the pod was created with; null when it carries none. */
    public static String specHash(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(SpecHash.ANNOTATION);
    }
}

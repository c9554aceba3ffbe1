package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.neonops.operator.cluster.NeonCluster;
import java.util.Objects;

/**
 * Which changes of a NeonCluster start a reconcile: any but a change of its status alone. A status write is the
 * outcome of a reconcile (the operator's own, as a rule), so reconciling on it would only compute the same status
 * again; the pause annotation, which changes no generation, must still be seen at once.
 */
public final class ClusterUpdates {

    private ClusterUpdates() {
    }

    public static boolean needsReconcile(NeonCluster before, NeonCluster after) {
        ObjectMeta old = before.getMetadata();
        ObjectMeta now = after.getMetadata();
        return !Objects.equals(old.getGeneration(), now.getGeneration())
                || !Objects.equals(old.getAnnotations(), now.getAnnotations())
                || !Objects.equals(old.getLabels(), now.getLabels())
                || !Objects.equals(old.getFinalizers(), now.getFinalizers())
                || !Objects.equals(old.getDeletionTimestamp(), now.getDeletionTimestamp());
    }
}

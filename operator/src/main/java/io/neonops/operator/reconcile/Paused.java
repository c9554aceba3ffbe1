package io.neonops.operator.reconcile;

import io.neonops.operator.cluster.NeonCluster;
import java.util.Map;

/** The pause switch: {@code neonops.io/paused: "true"} on a NeonCluster stops every write for it. */
public final class Paused {

    private Paused() {
    }

    public static boolean isPaused(NeonCluster cluster) {
        Map<String, String> annotations = cluster.getMetadata().getAnnotations();
        return annotations != null && "true".equals(annotations.get(NeonCluster.PAUSED_ANNOTATION));
    }
}

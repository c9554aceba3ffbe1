package io.neonops.operator.testing;

import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.NeonCluster;

/**
 * Pausing {@code demo} around a test's own changes, so that the operator sees them all at once, as it would after
 * a change that happened while it was down or between two of its passes on a real server.
 */
public final class Pauses {

    private Pauses() {
    }

    /** Sets the pause annotation and waits until the operator reports the pause: from then on it writes nothing. */
    public static void pause(OperatorHarness operator, String namespace) {
        operator.editSpec(namespace, c -> c.getMetadata().getAnnotations().put(NeonCluster.PAUSED_ANNOTATION, "true"));
        operator.awaitStatus(namespace, "demo", "phase Paused", s -> s.getPhase() == ClusterPhase.PAUSED);
    }

    public static void resume(OperatorHarness operator, String namespace) {
        operator.editSpec(namespace, c -> c.getMetadata().getAnnotations().remove(NeonCluster.PAUSED_ANNOTATION));
    }
}

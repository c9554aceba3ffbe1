package io.neonops.operator.reconcile;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.neonops.operator.cluster.NeonCluster;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to retry the writes the API server refused: after {@link #FIRST}, doubling with each pass that fails again,
 * up to {@link #CAP}, so that a quota that stays exceeded costs few requests. Kept in memory: a new operator process
 * starts again at {@link #FIRST}, which is harmless.
 */
final class WriteBackoff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofMinutes(5);
    private static final int MAX_DOUBLINGS = 20;

    private final Map<ResourceID, Integer> failedPasses = new ConcurrentHashMap<>();

    /** A pass of {@code cluster} had writes refused: how long until the next try. */
    Duration failed(NeonCluster cluster) {
        int passes = failedPasses.merge(ResourceID.fromResource(cluster), 1, Integer::sum);
        Duration delay = FIRST.multipliedBy(1L << Math.min(passes - 1, MAX_DOUBLINGS));
        return delay.compareTo(CAP) < 0 ? delay : CAP;
    }

    /** A pass of {@code cluster} had every write accepted. */
    void succeeded(NeonCluster cluster) {
        failedPasses.remove(ResourceID.fromResource(cluster));
    }
}

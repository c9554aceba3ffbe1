package io.neonops.operator.tenant;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to try a NeonTenant or NeonTimeline again that could not be carried out (cluster missing or not Ready, the
 * storage controller refusing): after {@link #FIRST}, doubling with each pass that fails again, up to {@link #CAP};
 * a pass that succeeds starts over. In memory: a new operator process starts at {@link #FIRST}.
 */
public final class RetryBackoff {

    public static final Duration FIRST = Duration.ofSeconds(1);
    public static final Duration CAP = Duration.ofMinutes(2);
    private static final int MAX_DOUBLINGS = 20;

    private final Map<ResourceID, Integer> failedPasses = new ConcurrentHashMap<>();

    public Duration failed(HasMetadata resource) {
        int passes = failedPasses.merge(ResourceID.fromResource(resource), 1, Integer::sum);
        Duration delay = FIRST.multipliedBy(1L << Math.min(passes - 1, MAX_DOUBLINGS));
        return delay.compareTo(CAP) < 0 ? delay : CAP;
    }

    public void succeeded(HasMetadata resource) {
        failedPasses.remove(ResourceID.fromResource(resource));
    }
}

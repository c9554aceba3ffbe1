package io.neonops.controlplane.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How rolling upgrades pace themselves.
 *
 * @param podReadyTimeout how long a restarted pod may take to become Ready
 * @param drainTimeout    how long the storage controller may take to drain a pageserver before its restart (modern
 *                        topology), counted from the drain request
 * @param fillTimeout     how long the fill of a restarted pageserver may take, counted from the fill request
 */
public record UpgradeSpec(Duration podReadyTimeout, Duration drainTimeout, Duration fillTimeout) {

    public static final int DEFAULT_POD_READY_TIMEOUT_SECONDS = 600;
    public static final int MIN_POD_READY_TIMEOUT_SECONDS = 10;
    /** Neon's RFC 033 puts the drain's timeout "in the ballpark of minutes"; a drain moves up to 64 shards at a time. */
    public static final int DEFAULT_DRAIN_TIMEOUT_SECONDS = 900;
    public static final int DEFAULT_FILL_TIMEOUT_SECONDS = 900;
    public static final int MIN_DRAIN_FILL_TIMEOUT_SECONDS = 10;

    public UpgradeSpec {
        Objects.requireNonNull(podReadyTimeout, "podReadyTimeout");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(fillTimeout, "fillTimeout");
    }
}

package io.neonops.controlplane.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How rolling upgrades pace themselves.
 *
 * @param podReadyTimeout          how long a restarted pod may take to become Ready
 * @param drainTimeout             how long the storage controller may take to drain a pageserver before its restart
 *                                 (modern topology), counted from the drain request
 * @param fillTimeout              how long the fill of a restarted pageserver may take, counted from the fill request
 * @param safekeeperCatchUpTimeout how long a safekeeper's restart may wait for the other safekeepers to catch up
 *                                 on its timelines' WAL before the roll halts
 */
public record UpgradeSpec(Duration podReadyTimeout, Duration drainTimeout, Duration fillTimeout,
                          Duration safekeeperCatchUpTimeout) {

    public static final int DEFAULT_POD_READY_TIMEOUT_SECONDS = 600;
    public static final int MIN_POD_READY_TIMEOUT_SECONDS = 10;
    /** Neon's RFC 033 puts the drain's timeout "in the ballpark of minutes"; a drain moves up to 64 shards at a time. */
    public static final int DEFAULT_DRAIN_TIMEOUT_SECONDS = 900;
    public static final int DEFAULT_FILL_TIMEOUT_SECONDS = 900;
    public static final int MIN_DRAIN_FILL_TIMEOUT_SECONDS = 10;
    /** Long enough for a safekeeper that was restarted a moment ago to stream the WAL it missed from its peers. */
    public static final int DEFAULT_SAFEKEEPER_CATCH_UP_TIMEOUT_SECONDS = 300;
    public static final int MIN_SAFEKEEPER_CATCH_UP_TIMEOUT_SECONDS = 10;

    public UpgradeSpec {
        Objects.requireNonNull(podReadyTimeout, "podReadyTimeout");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(fillTimeout, "fillTimeout");
        Objects.requireNonNull(safekeeperCatchUpTimeout, "safekeeperCatchUpTimeout");
    }
}

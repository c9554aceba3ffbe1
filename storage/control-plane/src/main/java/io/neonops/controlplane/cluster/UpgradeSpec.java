package io.neonops.controlplane.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How rolling upgrades pace themselves.
 *
 * @param podReadyTimeout           how long a restarted pod may take to become Ready
 * @param safekeeperCatchUpTimeout  how long a safekeeper's restart may wait for the other safekeepers to catch up
 *                                  on its timelines' WAL before the roll halts
 */
public record UpgradeSpec(Duration podReadyTimeout, Duration safekeeperCatchUpTimeout) {

    public static final int DEFAULT_POD_READY_TIMEOUT_SECONDS = 600;
    public static final int MIN_POD_READY_TIMEOUT_SECONDS = 10;
    /** Long enough for a safekeeper that was restarted a moment ago to stream the WAL it missed from its peers. */
    public static final int DEFAULT_SAFEKEEPER_CATCH_UP_TIMEOUT_SECONDS = 300;
    public static final int MIN_SAFEKEEPER_CATCH_UP_TIMEOUT_SECONDS = 10;

    public UpgradeSpec {
        Objects.requireNonNull(podReadyTimeout, "podReadyTimeout");
        Objects.requireNonNull(safekeeperCatchUpTimeout, "safekeeperCatchUpTimeout");
    }
}

package io.neonops.controlplane.cluster;

import java.time.Duration;

/** How rolling upgrades pace themselves. */
public record UpgradeSpec(Duration podReadyTimeout) {

    public static final int DEFAULT_POD_READY_TIMEOUT_SECONDS = 600;
    public static final int MIN_POD_READY_TIMEOUT_SECONDS = 10;
}

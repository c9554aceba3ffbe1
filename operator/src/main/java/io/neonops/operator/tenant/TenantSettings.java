package io.neonops.operator.tenant;

import io.neonops.operator.reconcile.ReconcileSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the NeonTenant and NeonTimeline reconcilers run.
 *
 * @param reconcile how the operator writes and reaches the clusters' storage controllers
 * @param refresh   how often a tenant's or timeline's status is read from Neon again (written only when it changed)
 */
public record TenantSettings(ReconcileSettings reconcile, Duration refresh, Clock clock) {

    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(60);

    public TenantSettings {
        Objects.requireNonNull(reconcile, "reconcile");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(clock, "clock");
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("invalid refresh interval " + refresh + ": must be positive");
        }
    }
}

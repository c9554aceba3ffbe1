package io.neonops.controller.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The tenant settings users change most, as Neon's {@code TenantConfig} names them; an absent setting
 * is the pageserver's default. Durations are humantime text ({@code "7 days"}, {@code "1h"}); the storage
 * controller may echo them in another spelling ({@code "7days"}).
 *
 * @param checkpointDistance bytes of WAL between checkpoints
 * @param gcHorizon          bytes of WAL history garbage collection keeps
 * @param pitrInterval       point-in-time-recovery window
 * @param heatmapPeriod      how often the attached location uploads the heatmap its secondaries warm up from
 */
public record TenantConfig(
        Optional<Long> checkpointDistance,
        Optional<String> checkpointTimeout,
        Optional<String> compactionPeriod,
        Optional<Long> gcHorizon,
        Optional<String> gcPeriod,
        Optional<String> pitrInterval,
        Optional<String> heatmapPeriod) {

    /** No overrides: every setting is the default. */
    public static final TenantConfig DEFAULTS = new TenantConfig(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public TenantConfig {
        requireNonNegative("checkpoint_distance", checkpointDistance);
        requireNonNegative("gc_horizon", gcHorizon);
        requireDuration("checkpoint_timeout", checkpointTimeout);
        requireDuration("compaction_period", compactionPeriod);
        requireDuration("gc_period", gcPeriod);
        requireDuration("pitr_interval", pitrInterval);
        requireDuration("heatmap_period", heatmapPeriod);
    }

    private static void requireNonNegative(String field, Optional<Long> value) {
        Objects.requireNonNull(value, field);
        value.filter(v -> v < 0).ifPresent(v -> {
            throw new IllegalArgumentException("invalid " + field + " " + v + ": must not be negative");
        });
    }

    private static void requireDuration(String field, Optional<String> value) {
        Objects.requireNonNull(value, field);
        value.filter(String::isBlank).ifPresent(v -> {
            throw new IllegalArgumentException("invalid " + field + " \"" + v + "\": expected a duration such as \"1h\"");
        });
    }
}

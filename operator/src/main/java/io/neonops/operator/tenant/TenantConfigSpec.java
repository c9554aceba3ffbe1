package io.neonops.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.neonops.controller.api.TenantConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * The pageserver tenant settings users change most (Neon's {@code TenantConfig} keys, camelCase here); an absent
 * one is the pageserver's default. Durations are Neon's humantime text, e.g. {@code "7 days"}, {@code "1h"}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantConfigSpec {

    @Min(0)
    @JsonPropertyDescription("checkpoint_distance: bytes of WAL between checkpoints")
    private Long checkpointDistance;

    @Pattern(HumanDuration.PATTERN)
    @JsonPropertyDescription("checkpoint_timeout, e.g. \"10m\"")
    private String checkpointTimeout;

    @Pattern(HumanDuration.PATTERN)
    @JsonPropertyDescription("compaction_period, e.g. \"20s\"")
    private String compactionPeriod;

    @Min(0)
    @JsonPropertyDescription("gc_horizon: bytes of WAL history garbage collection keeps")
    private Long gcHorizon;

    @Pattern(HumanDuration.PATTERN)
    @JsonPropertyDescription("gc_period, e.g. \"1h\"")
    private String gcPeriod;

    @Pattern(HumanDuration.PATTERN)
    @JsonPropertyDescription("pitr_interval: the point-in-time-recovery window (and how far back a branch at a time may"
            + " go), e.g. \"7 days\"")
    private String pitrInterval;

    @Pattern(HumanDuration.PATTERN)
    @JsonPropertyDescription("heatmap_period: how often the attached location uploads the heatmap secondaries warm up"
            + " from, e.g. \"60s\"")
    private String heatmapPeriod;

    /** The settings as the storage controller takes them. */
    public TenantConfig toNeon() {
        return new TenantConfig(Optional.ofNullable(checkpointDistance), Optional.ofNullable(checkpointTimeout),
                Optional.ofNullable(compactionPeriod), Optional.ofNullable(gcHorizon), Optional.ofNullable(gcPeriod),
                Optional.ofNullable(pitrInterval), Optional.ofNullable(heatmapPeriod));
    }

    public Long getCheckpointDistance() {
        return checkpointDistance;
    }

    public void setCheckpointDistance(Long checkpointDistance) {
        this.checkpointDistance = checkpointDistance;
    }

    public String getCheckpointTimeout() {
        return checkpointTimeout;
    }

    public void setCheckpointTimeout(String checkpointTimeout) {
        this.checkpointTimeout = checkpointTimeout;
    }

    public String getCompactionPeriod() {
        return compactionPeriod;
    }

    public void setCompactionPeriod(String compactionPeriod) {
        this.compactionPeriod = compactionPeriod;
    }

    public Long getGcHorizon() {
        return gcHorizon;
    }

    public void setGcHorizon(Long gcHorizon) {
        this.gcHorizon = gcHorizon;
    }

    public String getGcPeriod() {
        return gcPeriod;
    }

    public void setGcPeriod(String gcPeriod) {
        this.gcPeriod = gcPeriod;
    }

    public String getPitrInterval() {
        return pitrInterval;
    }

    public void setPitrInterval(String pitrInterval) {
        this.pitrInterval = pitrInterval;
    }

    public String getHeatmapPeriod() {
        return heatmapPeriod;
    }

    public void setHeatmapPeriod(String heatmapPeriod) {
        this.heatmapPeriod = heatmapPeriod;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantConfigSpec other
                && Objects.equals(checkpointDistance, other.checkpointDistance)
                && Objects.equals(checkpointTimeout, other.checkpointTimeout)
                && Objects.equals(compactionPeriod, other.compactionPeriod)
                && Objects.equals(gcHorizon, other.gcHorizon)
                && Objects.equals(gcPeriod, other.gcPeriod)
                && Objects.equals(pitrInterval, other.pitrInterval)
                && Objects.equals(heatmapPeriod, other.heatmapPeriod);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpointDistance, checkpointTimeout, compactionPeriod, gcHorizon, gcPeriod, pitrInterval,
                heatmapPeriod);
    }
}

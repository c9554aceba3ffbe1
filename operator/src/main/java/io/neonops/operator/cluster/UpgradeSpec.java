package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** How rolling upgrades behave. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UpgradeSpec {
    @Min(10)
    @JsonPropertyDescription("How long a restarted pod may take to become Ready before the roll stops; default 600")
    private Integer podReadyTimeoutSeconds;

    @Min(10)
    @JsonPropertyDescription("With a storage controller: how long the drain of a pageserver before its restart may take,"
            + " from the drain request, before the roll stops; default 900")
    private Integer drainTimeoutSeconds;

    @Min(10)
    @JsonPropertyDescription("With a storage controller: how long the fill of a restarted pageserver may take, from the"
            + " fill request, before the roll stops; default 900")
    private Integer fillTimeoutSeconds;

    @Min(10)
    @JsonPropertyDescription("How long a safekeeper's restart may wait for the other safekeepers to catch up on its"
            + " timelines' WAL before the roll stops; default 300")
    private Integer safekeeperCatchUpTimeoutSeconds;

    public Integer getPodReadyTimeoutSeconds() {
        return podReadyTimeoutSeconds;
    }

    public void setPodReadyTimeoutSeconds(Integer podReadyTimeoutSeconds) {
        this.podReadyTimeoutSeconds = podReadyTimeoutSeconds;
    }

    public Integer getDrainTimeoutSeconds() {
        return drainTimeoutSeconds;
    }

    public void setDrainTimeoutSeconds(Integer drainTimeoutSeconds) {
        this.drainTimeoutSeconds = drainTimeoutSeconds;
    }

    public Integer getFillTimeoutSeconds() {
        return fillTimeoutSeconds;
    }

    public void setFillTimeoutSeconds(Integer fillTimeoutSeconds) {
        this.fillTimeoutSeconds = fillTimeoutSeconds;
    }

    public Integer getSafekeeperCatchUpTimeoutSeconds() {
        return safekeeperCatchUpTimeoutSeconds;
    }

    public void setSafekeeperCatchUpTimeoutSeconds(Integer safekeeperCatchUpTimeoutSeconds) {
        this.safekeeperCatchUpTimeoutSeconds = safekeeperCatchUpTimeoutSeconds;
    }
}

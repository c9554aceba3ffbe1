package io.neonops.controller.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How freely the storage controller may move one tenant's shards; drains skip {@code PAUSE} and {@code STOP}. */
public enum ShardSchedulingPolicy {
    /** Normal: moved for failures, drains and optimisation. */
    @JsonProperty("Active") ACTIVE,
    /** Only the moves its placement policy requires. */
    @JsonProperty("Essential") ESSENTIAL,
    /** Never rescheduled, not even by a drain. */
    @JsonProperty("Pause") PAUSE,
    /** No calls to pageservers at all. */
    @JsonProperty("Stop") STOP
}

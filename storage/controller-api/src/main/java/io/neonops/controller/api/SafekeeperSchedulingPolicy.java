package io.neonops.controller.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the storage controller places new timelines on a registered safekeeper. */
public enum SafekeeperSchedulingPolicy {
    /** Heartbeats succeed; chosen for new timelines. */
    @JsonProperty("Active") ACTIVE,
    /** Registered, waiting for its first successful heartbeat. */
    @JsonProperty("Activating") ACTIVATING,
    @JsonProperty("Pause") PAUSE,
    /** Neon's own spelling, with one "m". */
    @JsonProperty("Decomissioned") DECOMMISSIONED
}

package io.neonops.controller.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether the storage controller can reach a pageserver, from its heartbeats ({@code GET /v1/utilization}).
 * On the wire the CamelCase names of Neon's {@code NodeAvailabilityWrapper}.
 */
public enum NodeAvailability {
    /** The last heartbeat succeeded. */
    @JsonProperty("Active") ACTIVE,
    /** The node re-attached (it restarted) and has not answered a heartbeat since. */
    @JsonProperty("WarmingUp") WARMING_UP,
    /** Unresponsive, or registered and never heartbeated; its attached shards are moved elsewhere. */
    @JsonProperty("Offline") OFFLINE
}

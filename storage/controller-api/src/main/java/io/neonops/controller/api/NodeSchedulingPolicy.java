package io.neonops.controller.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the storage controller may place on a pageserver, and which background operation runs on it.
 * The drain/fill cycle of a graceful restart is
 * {@code ACTIVE -> DRAINING -> PAUSE_FOR_RESTART -> (re-attach) ACTIVE -> FILLING -> ACTIVE}.
 */
public enum NodeSchedulingPolicy {
    /** New shards may be placed here; the state after a fill, a cancel, or a re-attach. */
    @JsonProperty("Active") ACTIVE,
    /** A fill is moving shards back here. */
    @JsonProperty("Filling") FILLING,
    /** Set by an administrator; survives restarts and re-attach. */
    @JsonProperty("Pause") PAUSE,
    /** A drain finished: the pageserver may be restarted. */
    @JsonProperty("PauseForRestart") PAUSE_FOR_RESTART,
    /** A drain is moving shards away (or was, when the storage controller restarted under it). */
    @JsonProperty("Draining") DRAINING,
    /** A node deletion is moving shards away before the node is removed. */
    @JsonProperty("Deleting") DELETING;

    /** Whether new shards may be placed on a node with this policy. */
    public boolean acceptsShards() {
        return this == ACTIVE || this == FILLING;
    }
}

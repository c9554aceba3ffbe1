package io.neonops.safekeeper.api;

import io.neonops.storage.common.NodeId;
import java.util.Objects;

/** Answer of {@code GET /v1/status}: the safekeeper's node id. */
public record SafekeeperStatus(NodeId id) {

    public SafekeeperStatus {
        Objects.requireNonNull(id, "id is missing");
    }
}

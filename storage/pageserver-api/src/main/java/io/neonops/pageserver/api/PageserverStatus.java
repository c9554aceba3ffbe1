package io.neonops.pageserver.api;

import io.neonops.storage.common.NodeId;
import java.util.Objects;

/** Answer of {@code GET /v1/status}: the pageserver's node id. */
public record PageserverStatus(NodeId id) {

    public PageserverStatus {
        Objects.requireNonNull(id, "id is missing");
    }
}

package io.neonops.controller.api.testing;

import io.neonops.controller.api.NodeRegisterRequest;
import io.neonops.storage.common.NodeId;
import java.util.Objects;
import java.util.Optional;

/**
 * Body of the upcall {@code POST {control_plane_api}re-attach} a pageserver sends on every start, before it
 * serves anything.
 *
 * @param register       the node's addresses from its {@code metadata.json}; absent without that file
 * @param emptyLocalDisk whether it starts without local tenant data (newer releases send it)
 */
public record ReAttachRequest(NodeId nodeId, Optional<NodeRegisterRequest> register, Optional<Boolean> emptyLocalDisk) {

    public ReAttachRequest {
        Objects.requireNonNull(nodeId, "node_id is missing");
        register.filter(r -> !r.nodeId().equals(nodeId)).ifPresent(r -> {
            throw new IllegalArgumentException("re-attach of node " + nodeId + " registers node " + r.nodeId());
        });
    }
}

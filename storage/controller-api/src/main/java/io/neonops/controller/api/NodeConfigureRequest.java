package io.neonops.controller.api;

import io.neonops.storage.common.NodeId;
import java.util.Objects;
import java.util.Optional;

/**
 * Body of {@code PUT /control/v1/node/{node_id}/config}; an absent field stays as it is. Setting
 * scheduling {@code ACTIVE} recovers a node left {@code DRAINING} by a storage-controller restart.
 */
public record NodeConfigureRequest(NodeId nodeId, Optional<NodeAvailability> availability,
        Optional<NodeSchedulingPolicy> scheduling) {

    public NodeConfigureRequest {
        Objects.requireNonNull(nodeId, "node_id is missing");
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(scheduling, "scheduling");
    }

    public static NodeConfigureRequest scheduling(NodeId nodeId, NodeSchedulingPolicy policy) {
        return new NodeConfigureRequest(nodeId, Optional.empty(), Optional.of(policy));
    }
}

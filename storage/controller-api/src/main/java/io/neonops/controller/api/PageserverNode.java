package io.neonops.controller.api;

import io.neonops.storage.common.NodeId;
import java.util.Objects;
import java.util.Optional;

/**
 * A pageserver as the storage controller describes it ({@code NodeDescribeResponse}): an element of
 * {@code GET /control/v1/node} and the answer of {@code GET /control/v1/node/{node_id}}.
 *
 * @param availability       what the heartbeats say
 * @param scheduling         what may be placed on it, and which drain or fill runs on it
 * @param availabilityZoneId empty from releases before zones were mandatory (September 2024)
 */
public record PageserverNode(
        NodeId id,
        NodeAvailability availability,
        NodeSchedulingPolicy scheduling,
        Optional<String> availabilityZoneId,
        String listenHttpAddr,
        int listenHttpPort,
        Optional<Integer> listenHttpsPort,
        String listenPgAddr,
        int listenPgPort,
        Optional<String> listenGrpcAddr,
        Optional<Integer> listenGrpcPort) {

    public PageserverNode {
        Objects.requireNonNull(id, "id is missing");
        Objects.requireNonNull(availability, () -> "node " + id + ": availability is missing");
        Objects.requireNonNull(scheduling, () -> "node " + id + ": scheduling is missing");
        NetworkPorts.requireText("node " + id + ": listen_http_addr", listenHttpAddr);
        NetworkPorts.requireText("node " + id + ": listen_pg_addr", listenPgAddr);
    }

    /** The description of a node registered with {@code request}, in the given states. */
    public static PageserverNode registered(NodeRegisterRequest request, NodeAvailability availability,
            NodeSchedulingPolicy scheduling) {
        return new PageserverNode(request.nodeId(), availability, scheduling, Optional.of(request.availabilityZoneId()),
                request.listenHttpAddr(), request.listenHttpPort(), request.listenHttpsPort(), request.listenPgAddr(),
                request.listenPgPort(), request.listenGrpcAddr(), request.listenGrpcPort());
    }

    /** Heartbeats succeed and shards may be placed on it: the node is in service. */
    public boolean inService() {
        return availability == NodeAvailability.ACTIVE && scheduling == NodeSchedulingPolicy.ACTIVE;
    }
}

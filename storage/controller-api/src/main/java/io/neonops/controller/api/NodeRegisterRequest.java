package io.neonops.controller.api;

import io.neonops.storage.common.NodeId;
import java.util.Objects;
import java.util.Optional;

/**
 * A pageserver as it registers with the storage controller: the body of {@code POST /control/v1/node},
 * and the {@code register} part of the re-attach upcall a pageserver sends from its {@code metadata.json}.
 * The http/pg addresses, ports and zone must stay the same for the node id's whole life: a difference is
 * refused with 409 and the pageserver never starts.
 *
 * @param listenPgAddr       host computes use for the page service
 * @param listenHttpAddr     host the storage controller uses for the management API (it must resolve)
 * @param availabilityZoneId free-form; only equality matters
 * @param nodeIpAddr         optional IP address of the node
 */
public record NodeRegisterRequest(
        NodeId nodeId,
        String listenPgAddr,
        int listenPgPort,
        Optional<String> listenGrpcAddr,
        Optional<Integer> listenGrpcPort,
        String listenHttpAddr,
        int listenHttpPort,
        Optional<Integer> listenHttpsPort,
        String availabilityZoneId,
        Optional<String> nodeIpAddr) {

    public NodeRegisterRequest {
        Objects.requireNonNull(nodeId, "node_id is missing");
        NetworkPorts.requireListener("listen_pg_addr", listenPgAddr, "listen_pg_port", listenPgPort);
        NetworkPorts.requireListener("listen_http_addr", listenHttpAddr, "listen_http_port", listenHttpPort);
        NetworkPorts.requirePort("listen_https_port", listenHttpsPort);
        NetworkPorts.requireOptionalListener("listen_grpc_addr", listenGrpcAddr, "listen_grpc_port", listenGrpcPort);
        NetworkPorts.requireText("availability_zone_id", availabilityZoneId);
        Objects.requireNonNull(nodeIpAddr, "nodeIpAddr");
    }

    /** Whether {@code other} describes the same node at the same addresses the storage controller compares. */
    public boolean sameAddressesAs(NodeRegisterRequest other) {
        return nodeId.equals(other.nodeId) && listenPgAddr.equals(other.listenPgAddr) && listenPgPort == other.listenPgPort
                && listenHttpAddr.equals(other.listenHttpAddr) && listenHttpPort == other.listenHttpPort
                && availabilityZoneId.equals(other.availabilityZoneId);
    }
}

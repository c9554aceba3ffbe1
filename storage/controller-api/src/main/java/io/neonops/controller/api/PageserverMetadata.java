package io.neonops.controller.api;

import io.neonops.storage.common.NodeId;
import java.util.Optional;

/**
 * The pageserver's {@code metadata.json} in its work directory: the addresses it registers with the
 * storage controller during the re-attach upcall on every start. Without it the pageserver re-attaches
 * without registering, and someone else must register the node.
 *
 * @param host               page-service host as computes reach it
 * @param port               page-service port
 * @param httpHost           management API host as the storage controller reaches it
 * @param httpPort           management API port
 * @param availabilityZoneId the zone; without it the pageserver falls back to {@code availability_zone}
 *                           of {@code pageserver.toml}, and panics when both are missing
 */
public record PageserverMetadata(
        String host,
        int port,
        Optional<String> grpcHost,
        Optional<Integer> grpcPort,
        String httpHost,
        int httpPort,
        Optional<Integer> httpsPort,
        Optional<String> availabilityZoneId) {

    public PageserverMetadata {
        NetworkPorts.requireListener("host", host, "port", port);
        NetworkPorts.requireListener("http_host", httpHost, "http_port", httpPort);
        NetworkPorts.requirePort("https_port", httpsPort);
        NetworkPorts.requireOptionalListener("grpc_host", grpcHost, "grpc_port", grpcPort);
    }

    /** Plain page service and HTTP API in one zone, as the operator writes it. */
    public static PageserverMetadata of(String host, int port, int httpPort, String availabilityZoneId) {
        return new PageserverMetadata(host, port, Optional.empty(), Optional.empty(), host, httpPort, Optional.empty(),
                Optional.of(availabilityZoneId));
    }

    /**
     * The registration a pageserver with this file sends.
     *
     * @param fallbackZone {@code availability_zone} of {@code pageserver.toml}, used when this file has none
     * @throws IllegalArgumentException when neither names a zone (the pageserver would not start)
     */
    public NodeRegisterRequest registerRequest(NodeId nodeId, Optional<String> fallbackZone) {
        String zone = availabilityZoneId.or(() -> fallbackZone).orElseThrow(() -> new IllegalArgumentException(
                "pageserver " + nodeId + ": no availability zone in metadata.json nor in pageserver.toml"));
        return new NodeRegisterRequest(nodeId, host, port, grpcHost, grpcPort, httpHost, httpPort, httpsPort, zone,
                Optional.empty());
    }
}

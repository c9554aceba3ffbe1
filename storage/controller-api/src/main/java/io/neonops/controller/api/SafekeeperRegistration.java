package io.neonops.controller.api;

import io.neonops.storage.common.NodeId;
import java.util.Objects;
import java.util.Optional;

/**
 * Body of {@code POST /control/v1/safekeeper/{id}} ({@code SafekeeperUpsert}): safekeepers never
 * register themselves, the operator does. Posting again updates the record.
 *
 * @param regionId           free-form, e.g. {@code local}
 * @param version            informational, at least 0 (Neon sends its release number; 1 means "just created")
 * @param host               host of the WAL (pg) port as computes and pageservers reach it, also used for HTTP
 * @param port               WAL (pg) port
 * @param httpPort           management port the storage controller heartbeats
 * @param httpsPort          required when the storage controller talks HTTPS to safekeepers
 * @param availabilityZoneId new timelines go to safekeepers in distinct zones
 */
public record SafekeeperRegistration(
        NodeId id,
        String regionId,
        long version,
        String host,
        int port,
        int httpPort,
        Optional<Integer> httpsPort,
        String availabilityZoneId) {

    public SafekeeperRegistration {
        Objects.requireNonNull(id, "id is missing");
        if (id.value() <= 0) {
            throw new IllegalArgumentException("invalid safekeeper id " + id + ": the storage controller needs a positive id");
        }
        NetworkPorts.requireText("region_id", regionId);
        if (version < 0) {
            throw new IllegalArgumentException("invalid safekeeper version " + version + ": must not be negative");
        }
        NetworkPorts.requireText("host", host);
        NetworkPorts.requirePort("port", port);
        NetworkPorts.requirePort("http_port", httpPort);
        NetworkPorts.requirePort("https_port", httpsPort);
        NetworkPorts.requireText("availability_zone_id", availabilityZoneId);
    }
}

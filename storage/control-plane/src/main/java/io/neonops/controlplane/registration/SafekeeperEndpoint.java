package io.neonops.controlplane.registration;

import java.util.Objects;
import java.util.Optional;

import io.neonops.controller.api.SafekeeperRegistration;
import io.neonops.storage.common.NodeId;

/**
 * A safekeeper as the storage controller must know it: where its WAL (pg) and HTTP ports are, its region and its
 * availability zone. Local mode and the operator both register safekeepers through it.
 */
public record SafekeeperEndpoint(NodeId id, String region, String host, int pgPort, int httpPort, String availabilityZone) {
    /** The region every local safekeeper registers in: free-form, one machine. */
    public static final String LOCAL_REGION = "local";
    /** Informational for the storage controller; 1 is what Neon registers a new safekeeper with. */
    static final long VERSION = 1;

    public SafekeeperEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
    }

    /** A local safekeeper on 127.0.0.1, in {@code zone} (which its command line names too). */
    public static SafekeeperEndpoint local(NodeId id, int pgPort, int httpPort, String zone) {
        return new SafekeeperEndpoint(id, LOCAL_REGION, "127.0.0.1", pgPort, httpPort, zone);
    }

    /** The body of {@code POST /control/v1/safekeeper/{id}}. */
    public SafekeeperRegistration registration() {
        return new SafekeeperRegistration(id, region, VERSION, host, pgPort, httpPort, Optional.empty(), availabilityZone);
    }
}

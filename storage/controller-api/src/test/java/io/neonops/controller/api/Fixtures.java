package io.neonops.controller.api;

import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import java.util.Optional;

/** Sample values for the storage-controller model, client and fake tests. */
public final class Fixtures {

    public static final TenantId TENANT = TenantId.of("1f359dd625e519a1a4e8d7509690f6fc");
    public static final TenantId OTHER_TENANT = TenantId.of("de200bd42b49cc1814412c7e592dd6e9");
    public static final TimelineId TIMELINE = TimelineId.of("de200bd42b49cc1814412c7e592dd6e9");
    public static final TimelineId BRANCH = TimelineId.of("00112233445566778899aabbccddeeff");
    public static final String ZONE = "zone-a";

    private Fixtures() {
    }

    /** What the operator writes into pageserver {@code id}'s {@code metadata.json}. */
    public static PageserverMetadata metadata(long id) {
        return PageserverMetadata.of(host("ps", id), 6400, 9898, ZONE);
    }

    public static NodeRegisterRequest registration(long id) {
        return metadata(id).registerRequest(NodeId.of(id), Optional.empty());
    }

    public static SafekeeperRegistration safekeeper(long id) {
        return new SafekeeperRegistration(NodeId.of(id), "local", 1, host("sk", id), 5454, 7676, Optional.empty(), "az-" + id);
    }

    private static String host(String component, long id) {
        return component + "-" + id + "." + component + ".neon.svc";
    }
}

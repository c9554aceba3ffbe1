package io.neonops.controller.api;

import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.TenantId;

/** The storage controller's own resource paths ({@code /control/v1}); the fakes serve the same. */
public final class ControllerPaths {

    public static final String NODES = "/control/v1/node";
    public static final String SAFEKEEPERS = "/control/v1/safekeeper";
    public static final String TENANTS = "/control/v1/tenant";

    private ControllerPaths() {
    }

    public static String node(NodeId id) {
        return NODES + "/" + id;
    }

    public static String safekeeper(NodeId id) {
        return SAFEKEEPERS + "/" + id;
    }

    public static String tenant(TenantId id) {
        return TENANTS + "/" + id.hex();
    }
}

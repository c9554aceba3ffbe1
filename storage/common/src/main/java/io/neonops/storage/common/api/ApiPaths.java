package io.neonops.storage.common.api;

import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;

/** The resource paths pageservers and safekeepers share. */
public final class ApiPaths {

    private ApiPaths() {
    }

    /** {@code /v1/tenant/{tenant_id}}. */
    public static String tenant(TenantId tenantId) {
        return "/v1/tenant/" + tenantId.hex();
    }

    /** {@code /v1/tenant/{tenant_id}/timeline/{timeline_id}}. */
    public static String timeline(TenantId tenantId, TimelineId timelineId) {
        return tenant(tenantId) + "/timeline/" + timelineId.hex();
    }
}

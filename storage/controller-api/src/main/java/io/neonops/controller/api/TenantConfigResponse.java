package io.neonops.controller.api;

import java.util.Objects;

/**
 * Answer of {@code GET /v1/tenant/{tenant_id}/config}: the settings the tenant overrides and the ones
 * in effect (identical on the storage controller, which knows no pageserver defaults).
 */
public record TenantConfigResponse(TenantConfig tenantSpecificOverrides, TenantConfig effectiveConfig) {

    public TenantConfigResponse {
        tenantSpecificOverrides = Objects.requireNonNullElse(tenantSpecificOverrides, TenantConfig.DEFAULTS);
        effectiveConfig = Objects.requireNonNullElse(effectiveConfig, TenantConfig.DEFAULTS);
    }
}

package io.neonops.controller.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neonops.storage.common.TenantId;
import java.util.Objects;

/**
 * Body of {@code PUT /v1/tenant/config} on the storage controller: replaces the tenant's whole
 * configuration (a setting left out returns to its default). The id is hex text here, unlike the 2022
 * pageserver's byte array.
 */
public record TenantConfigRequest(TenantId tenantId, @JsonUnwrapped TenantConfig config) {

    public TenantConfigRequest {
        Objects.requireNonNull(tenantId, "tenant_id is missing");
        Objects.requireNonNull(config, "config");
    }

    record OwnFields(TenantId tenantId) {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TenantConfigRequest fromJson(ObjectNode body) throws JsonProcessingException {
        return new TenantConfigRequest(FlattenedFields.read(body, OwnFields.class).tenantId(), FlattenedFields.read(body, TenantConfig.class));
    }
}

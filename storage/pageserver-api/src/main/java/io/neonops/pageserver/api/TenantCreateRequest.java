package io.neonops.pageserver.api;

import io.neonops.storage.common.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * Body of {@code POST /v1/tenant}. Without an id the pageserver generates one; creating an existing
 * tenant is a conflict.
 */
public record TenantCreateRequest(Optional<TenantId> newTenantId) {

    public TenantCreateRequest {
        Objects.requireNonNull(newTenantId, "newTenantId");
    }

    public static TenantCreateRequest withId(TenantId id) {
        return new TenantCreateRequest(Optional.of(id));
    }

    public static TenantCreateRequest generatedId() {
        return new TenantCreateRequest(Optional.empty());
    }
}

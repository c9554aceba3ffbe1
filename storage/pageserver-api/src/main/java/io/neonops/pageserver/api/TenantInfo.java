package io.neonops.pageserver.api;

import io.neonops.storage.common.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * One tenant as {@code GET /v1/tenant} and {@code GET /v1/tenant/{tenant_id}} describe it.
 *
 * @param currentPhysicalSize    bytes on the pageserver's disk; only the single-tenant call fills it
 * @param hasInProgressDownloads whether layer downloads from remote storage are running
 */
public record TenantInfo(TenantId id, TenantState state, Optional<Long> currentPhysicalSize,
        Optional<Boolean> hasInProgressDownloads) {

    public TenantInfo {
        Objects.requireNonNull(id, "id is missing");
        Objects.requireNonNull(state, "state is missing");
    }
}

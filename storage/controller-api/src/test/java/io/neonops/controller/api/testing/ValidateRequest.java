package io.neonops.controller.api.testing;

import io.neonops.controller.api.TenantShardId;
import java.util.List;
import java.util.Objects;

/**
 * Body of the upcall {@code POST {control_plane_api}validate}: before deleting remote data, a pageserver
 * asks whether it still holds the newest generation of these shards.
 */
public record ValidateRequest(List<Shard> tenants) {

    public record Shard(TenantShardId id, long gen) {
    }

    public ValidateRequest {
        tenants = List.copyOf(Objects.requireNonNull(tenants, "tenants is missing"));
    }
}

package io.neonops.controller.api.testing;

import io.neonops.controller.api.TenantShardId;
import java.util.List;
import java.util.Objects;

/** Answer of the validate upcall: per shard, whether the generation asked about is still the newest. */
public record ValidateResponse(List<Shard> tenants) {

    public record Shard(TenantShardId id, boolean valid) {
    }

    public ValidateResponse {
        tenants = List.copyOf(Objects.requireNonNull(tenants, "tenants is missing"));
    }
}

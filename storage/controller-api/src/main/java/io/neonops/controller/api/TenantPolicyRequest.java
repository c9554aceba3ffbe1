package io.neonops.controller.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Body of {@code PUT /control/v1/tenant/{tenant_id}/policy}; an absent field stays as it is. Giving an
 * existing tenant {@code Attached(1)} adds the secondary a drain needs to move it.
 */
public record TenantPolicyRequest(Optional<PlacementPolicy> placement, Optional<ShardSchedulingPolicy> scheduling) {

    public TenantPolicyRequest {
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(scheduling, "scheduling");
    }

    public static TenantPolicyRequest placement(PlacementPolicy policy) {
        return new TenantPolicyRequest(Optional.of(policy), Optional.empty());
    }
}

package io.neonops.controller.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neonops.storage.common.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * Body of {@code POST /v1/tenant} on the storage controller. Creating an existing tenant again returns
 * its shards. The storage controller refuses unknown fields (400), so only what is set is written.
 *
 * @param generation      chosen by the storage controller when absent
 * @param shardParameters absent: one unsharded shard
 * @param placementPolicy absent: {@link PlacementPolicy#DEFAULT} (no secondary)
 * @param config          written as top-level keys next to the others
 */
public record TenantCreateRequest(
        TenantId newTenantId,
        Optional<Long> generation,
        Optional<ShardParameters> shardParameters,
        Optional<PlacementPolicy> placementPolicy,
        @JsonUnwrapped TenantConfig config) {

    public TenantCreateRequest {
        Objects.requireNonNull(newTenantId, "new_tenant_id is missing");
        Objects.requireNonNull(config, "config");
    }

    /** A tenant with these shards, placement and settings; unsharded shard parameters are left out, as Neon does. */
    public static TenantCreateRequest of(TenantId id, ShardParameters shards, PlacementPolicy placement, TenantConfig config) {
        return new TenantCreateRequest(id, Optional.empty(), Optional.of(shards).filter(s -> s.count() > 0),
                Optional.of(placement), config);
    }

    /** The shard parameters the storage controller applies. */
    public ShardParameters effectiveShardParameters() {
        return shardParameters.orElse(ShardParameters.UNSHARDED);
    }

    public PlacementPolicy effectivePlacementPolicy() {
        return placementPolicy.orElse(PlacementPolicy.DEFAULT);
    }

    /** The request's own fields; the tenant id is a shard id on the wire, and must be an unsharded one. */
    record OwnFields(TenantShardId newTenantId, Optional<Long> generation, Optional<ShardParameters> shardParameters,
            Optional<PlacementPolicy> placementPolicy) {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TenantCreateRequest fromJson(ObjectNode body) throws JsonProcessingException {
        OwnFields own = FlattenedFields.read(body, OwnFields.class);
        Objects.requireNonNull(own.newTenantId(), "new_tenant_id is missing");
        if (!own.newTenantId().isUnsharded()) {
            throw new IllegalArgumentException("Attempted to create a specific shard " + own.newTenantId()
                    + ": new_tenant_id must be a plain tenant id");
        }
        return new TenantCreateRequest(own.newTenantId().tenantId(), own.generation(), own.shardParameters(),
                own.placementPolicy(), FlattenedFields.read(body, TenantConfig.class));
    }
}

package io.neonops.controller.api;

import io.neonops.storage.common.NodeId;
import java.util.List;
import java.util.Objects;

/** Answer (201) of {@code POST /v1/tenant} on the storage controller: where each shard is attached. */
public record TenantCreateResponse(List<Shard> shards) {

    /** @param generation the attachment generation the storage controller issued */
    public record Shard(TenantShardId shardId, NodeId nodeId, long generation) {

        public Shard {
            Objects.requireNonNull(shardId, "shard_id is missing");
            Objects.requireNonNull(nodeId, () -> "shard " + shardId + ": node_id is missing");
        }
    }

    public TenantCreateResponse {
        shards = List.copyOf(Objects.requireNonNull(shards, "shards is missing"));
    }
}

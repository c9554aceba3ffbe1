package io.neonops.controller.api;

import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant as the storage controller describes it ({@code TenantDescribeResponse}): an element of
 * {@code GET /control/v1/tenant} and the answer of {@code GET /control/v1/tenant/{tenant_id}}.
 *
 * @param stripeSize in 8 KiB pages
 * @param config     only the settings that differ from the defaults
 */
public record TenantDescription(TenantId tenantId, List<Shard> shards, int stripeSize, PlacementPolicy policy,
        TenantConfig config) {

    /**
     * One shard and where it lives.
     *
     * @param nodeAttached  the pageserver serving it; empty while it is attached nowhere
     * @param nodeSecondary pageservers holding a warm secondary a drain can promote
     * @param lastError     empty when the last reconcile succeeded
     */
    public record Shard(
            TenantShardId tenantShardId,
            Optional<NodeId> nodeAttached,
            List<NodeId> nodeSecondary,
            String lastError,
            boolean isReconciling,
            boolean isPendingComputeNotification,
            boolean isSplitting,
            ShardSchedulingPolicy schedulingPolicy,
            Optional<String> preferredAzId) {

        public Shard {
            Objects.requireNonNull(tenantShardId, "tenant_shard_id is missing");
            nodeSecondary = nodeSecondary == null ? List.of() : List.copyOf(nodeSecondary);
            lastError = Objects.requireNonNullElse(lastError, "");
            schedulingPolicy = Objects.requireNonNullElse(schedulingPolicy, ShardSchedulingPolicy.ACTIVE);
        }
    }

    public TenantDescription {
        Objects.requireNonNull(tenantId, "tenant_id is missing");
        shards = List.copyOf(Objects.requireNonNull(shards, () -> "tenant " + tenantId + ": shards is missing"));
        Objects.requireNonNull(policy, () -> "tenant " + tenantId + ": policy is missing");
        config = Objects.requireNonNullElse(config, TenantConfig.DEFAULTS);
    }

    /**
     * The shards attached to {@code node} that a drain cannot move: no secondary elsewhere, or a scheduling
     * policy that drains skip. They go offline while that pageserver restarts.
     */
    public List<TenantShardId> shardsStuckOn(NodeId node) {
        return shards.stream()
                .filter(s -> s.nodeAttached().filter(node::equals).isPresent())
                .filter(s -> s.nodeSecondary().isEmpty() || s.schedulingPolicy() == ShardSchedulingPolicy.PAUSE
                        || s.schedulingPolicy() == ShardSchedulingPolicy.STOP)
                .map(Shard::tenantShardId)
                .toList();
    }
}

package io.neonops.operator.tenant;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controller.api.PlacementPolicy;
import io.neonops.controller.api.ShardParameters;
import io.neonops.controller.api.TenantConfig;
import io.neonops.controller.api.TenantCreateRequest;
import io.neonops.operator.cluster.DeletionPolicy;
import io.neonops.storage.common.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a NeonTenant asks of Neon, with every default resolved: a pure function of the resource and its cluster's
 * spec, so that the reconciler and tests read it the same way.
 *
 * @param placement {@code Attached(secondaries)}: by default one secondary when the cluster has two or more
 *                  pageservers, so that a pageserver's restart moves the tenant instead of taking it offline
 */
public record DesiredTenant(TenantId id, ShardParameters shards, PlacementPolicy placement, TenantConfig config,
                            DeletionPolicy deletionPolicy) {

    public DesiredTenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shards, "shards");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(deletionPolicy, "deletionPolicy");
    }

    /** The tenant's id: {@code spec.tenantId}, or the one {@link NeonIds} derives from the resource. */
    public static TenantId idOf(NeonTenant tenant) {
        String given = tenant.getSpec() == null ? null : tenant.getSpec().getTenantId();
        return TenantId.of(given != null ? given : NeonIds.derived(NeonTenant.KIND, tenant.getMetadata().getNamespace(),
                tenant.getMetadata().getName()));
    }

    public static DeletionPolicy deletionPolicyOf(NeonTenant tenant) {
        return Optional.ofNullable(tenant.getSpec()).map(NeonTenantSpec::getDeletionPolicy).orElse(DeletionPolicy.RETAIN);
    }

    /**
     * @throws InvalidTenantException naming the field when the cluster cannot place the tenant as asked
     */
    public static DesiredTenant of(NeonTenant tenant, ClusterSpec cluster) throws InvalidTenantException {
        NeonTenantSpec spec = tenant.getSpec();
        int pageservers = cluster.pageserver().replicas();
        boolean storageController = cluster.storageController().isPresent();
        if (!storageController) {
            refuseOn2022(cluster, spec.getShardCount() != null && spec.getShardCount() > 1, "spec.shardCount",
                    "its pageservers do not shard tenants");
            refuseOn2022(cluster, spec.getSecondaries() != null && spec.getSecondaries() > 0, "spec.secondaries",
                    "its pageservers keep no secondary locations");
            refuseOn2022(cluster, spec.getConfig() != null && spec.getConfig().getHeatmapPeriod() != null,
                    "spec.config.heatmapPeriod", "its pageservers have no heatmaps");
        }
        int secondaries = spec.getSecondaries() != null ? spec.getSecondaries()
                : (storageController && pageservers >= 2 ? 1 : 0);
        if (secondaries > pageservers - 1) {
            throw new InvalidTenantException("spec.secondaries: " + secondaries + " secondaries need " + (secondaries + 1)
                    + " pageservers; NeonCluster " + cluster.name() + " has " + pageservers);
        }
        int shardCount = spec.getShardCount() == null ? 0 : spec.getShardCount();
        TenantConfig config = spec.getConfig() == null ? TenantConfig.DEFAULTS : spec.getConfig().toNeon();
        return new DesiredTenant(idOf(tenant), ShardParameters.of(shardCount), PlacementPolicy.attached(secondaries),
                config, deletionPolicyOf(tenant));
    }

    private static void refuseOn2022(ClusterSpec cluster, boolean asked, String field, String why)
            throws InvalidTenantException {
        if (asked) {
            throw new InvalidTenantException(field + ": NeonCluster " + cluster.name() + " runs the 2022 etcd topology: "
                    + why);
        }
    }

    public TenantCreateRequest createRequest() {
        return TenantCreateRequest.of(id, shards, placement, config);
    }

    /** Whether {@code other} is this configuration (durations compared by value, not spelling). */
    public boolean configMatches(TenantConfig other) {
        return config.checkpointDistance().equals(other.checkpointDistance())
                && config.gcHorizon().equals(other.gcHorizon())
                && HumanDuration.same(config.checkpointTimeout(), other.checkpointTimeout())
                && HumanDuration.same(config.compactionPeriod(), other.compactionPeriod())
                && HumanDuration.same(config.gcPeriod(), other.gcPeriod())
                && HumanDuration.same(config.pitrInterval(), other.pitrInterval())
                && HumanDuration.same(config.heatmapPeriod(), other.heatmapPeriod());
    }
}

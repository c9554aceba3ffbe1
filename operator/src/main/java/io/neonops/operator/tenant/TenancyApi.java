package io.neonops.operator.tenant;

import io.neonops.controller.api.DeletionOutcome;
import io.neonops.controller.api.LsnByTimestamp;
import io.neonops.controller.api.PlacementPolicy;
import io.neonops.controller.api.TenantConfig;
import io.neonops.controller.api.TenantDescription;
import io.neonops.controller.api.TimelineCreateRequest;
import io.neonops.controller.api.TimelineInfo;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Neon calls the NeonTenant and NeonTimeline reconcilers make, whichever generation the cluster runs: through
 * the storage controller ({@link StorageControllerTenancy}) or, on the 2022 etcd topology, straight to the
 * pageserver that holds the tenant ({@link PageserverTenancy}). {@link TenantCluster} picks one per cluster. Every
 * method throws {@code NeonApiException} when Neon cannot be asked or refuses.
 */
public interface TenancyApi {

    /** The Ready condition's reason when a call fails, naming what answers these calls. */
    String errorReason();

    /** The tenant as Neon describes it; empty when Neon does not have it. */
    Optional<TenantDescription> tenant(TenantId id);

    void createTenant(DesiredTenant desired);

    /**
     * Whether the existing tenant has the desired configuration.
     *
     * @param lastSet the configuration the resource's status says the operator set last (or found in effect), for
     *                an API that cannot report it
     */
    boolean configMatches(DesiredTenant desired, TenantDescription existing, Optional<TenantConfig> lastSet);

    void setTenantConfig(DesiredTenant desired);

    void setTenantPlacement(TenantId id, PlacementPolicy placement);

    /** Deletes the tenant (its timelines must be gone); {@link DeletionOutcome#IN_PROGRESS} asks to come back. */
    DeletionOutcome deleteTenant(TenantId id);

    List<TimelineInfo> listTimelines(TenantId tenantId);

    Optional<TimelineInfo> timeline(TenantId tenantId, TimelineId timelineId);

    TimelineInfo createTimeline(TenantId tenantId, TimelineCreateRequest request);

    LsnByTimestamp lsnByTimestamp(TenantId tenantId, TimelineId timelineId, Instant at);

    DeletionOutcome deleteTimeline(TenantId tenantId, TimelineId timelineId);
}

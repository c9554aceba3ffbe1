package io.neonops.operator.tenant;

import io.neonops.controller.api.DeletionOutcome;
import io.neonops.controller.api.LsnByTimestamp;
import io.neonops.controller.api.PlacementPolicy;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controller.api.TenantConfig;
import io.neonops.controller.api.TenantConfigRequest;
import io.neonops.controller.api.TenantDescription;
import io.neonops.controller.api.TenantPolicyRequest;
import io.neonops.controller.api.TimelineCreateRequest;
import io.neonops.controller.api.TimelineInfo;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Tenants and timelines of a modern cluster, through its storage controller, which reports their configuration. */
public record StorageControllerTenancy(StorageControllerClient storcon) implements TenancyApi {

    public StorageControllerTenancy {
        Objects.requireNonNull(storcon, "storcon");
    }

    @Override
    public String errorReason() {
        return NeonTenantReconciler.STORAGE_CONTROLLER_ERROR;
    }

    @Override
    public Optional<TenantDescription> tenant(TenantId id) {
        return storcon.tenant(id);
    }

    @Override
    public void createTenant(DesiredTenant desired) {
        storcon.createTenant(desired.createRequest());
    }

    @Override
    public boolean configMatches(DesiredTenant desired, TenantDescription existing, Optional<TenantConfig> lastSet) {
        return desired.configMatches(existing.config());
    }

    @Override
    public void setTenantConfig(DesiredTenant desired) {
        storcon.setTenantConfig(new TenantConfigRequest(desired.id(), desired.config()));
    }

    @Override
    public void setTenantPlacement(TenantId id, PlacementPolicy placement) {
        storcon.setTenantPolicy(id, TenantPolicyRequest.placement(placement));
    }

    @Override
    public DeletionOutcome deleteTenant(TenantId id) {
        return storcon.deleteTenant(id);
    }

    @Override
    public List<TimelineInfo> listTimelines(TenantId tenantId) {
        return storcon.listTimelines(tenantId);
    }

    @Override
    public Optional<TimelineInfo> timeline(TenantId tenantId, TimelineId timelineId) {
        return storcon.timeline(tenantId, timelineId);
    }

    @Override
    public TimelineInfo createTimeline(TenantId tenantId, TimelineCreateRequest request) {
        return storcon.createTimeline(tenantId, request).withoutSafekeepers();
    }

    @Override
    public LsnByTimestamp lsnByTimestamp(TenantId tenantId, TimelineId timelineId, Instant at) {
        return storcon.lsnByTimestamp(tenantId, timelineId, at);
    }

    @Override
    public DeletionOutcome deleteTimeline(TenantId tenantId, TimelineId timelineId) {
        return storcon.deleteTimeline(tenantId, timelineId);
    }
}

package io.neonops.controlplane.tenant;

import io.neonops.pageserver.api.TimelineInfo;
import io.neonops.storage.common.TenantId;

/** What {@code tenant create} made: the tenant and its first timeline. */
public record CreatedTenant(TenantId tenantId, TimelineInfo initialTimeline) {
}

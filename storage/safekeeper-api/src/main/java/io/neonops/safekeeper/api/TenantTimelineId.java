package io.neonops.safekeeper.api;

import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import java.util.Comparator;
import java.util.Objects;

/** One timeline of one tenant: the key of everything a safekeeper holds. Written {@code <tenant>/<timeline>}. */
public record TenantTimelineId(TenantId tenantId, TimelineId timelineId) implements Comparable<TenantTimelineId> {

    private static final Comparator<TenantTimelineId> ORDER = Comparator
            .comparing((TenantTimelineId id) -> id.tenantId().hex())
            .thenComparing(id -> id.timelineId().hex());

    public TenantTimelineId {
        Objects.requireNonNull(tenantId, "tenant_id is missing");
        Objects.requireNonNull(timelineId, "timeline_id is missing");
    }

    public static TenantTimelineId of(String tenantHex, String timelineHex) {
        return new TenantTimelineId(TenantId.of(tenantHex), TimelineId.of(timelineHex));
    }

    @Override
    public int compareTo(TenantTimelineId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return tenantId.hex() + "/" + timelineId.hex();
    }
}

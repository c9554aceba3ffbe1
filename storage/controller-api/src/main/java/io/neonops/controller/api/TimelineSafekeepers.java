package io.neonops.controller.api;

import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The safekeepers the storage controller put a new timeline on (only with
 * {@code --timelines-onto-safekeepers}): computes must use exactly these, with this membership generation.
 */
public record TimelineSafekeepers(TenantId tenantId, TimelineId timelineId, long generation, List<Member> safekeepers) {

    /** @param hostname informational, may be null */
    public record Member(NodeId id, Optional<String> hostname) {

        public Member {
            Objects.requireNonNull(id, "safekeeper id is missing");
        }
    }

    public TimelineSafekeepers {
        Objects.requireNonNull(tenantId, "tenant_id is missing");
        Objects.requireNonNull(timelineId, "timeline_id is missing");
        safekeepers = List.copyOf(Objects.requireNonNull(safekeepers, "safekeepers is missing"));
    }
}

package io.neonops.controller.api;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.TimelineId;
import java.util.Objects;
import java.util.Optional;

/**
 * A timeline as pageservers describe it since 2023, and as the storage controller passes it on from the
 * pageserver holding shard 0 ({@code GET /v1/tenant/{tenant_id}/timeline[/{timeline_id}]}) or answers
 * a creation with it. Only the fields the operator reads; the others are ignored.
 *
 * @param tenantId                   the shard the answer comes from (shard 0)
 * @param minReadableLsn             oldest LSN still usable for reads and branches
 * @param remoteConsistentLsnVisible what safekeepers are told is durable (advances only after the storage
 *                                   controller validated the generation)
 * @param pgVersion                  the Postgres major, e.g. 17; a number so that an unknown major still reads
 * @param safekeepers                only in a creation's answer, and only with {@code --timelines-onto-safekeepers}
 */
public record TimelineInfo(
        TenantShardId tenantId,
        TimelineId timelineId,
        Optional<TimelineId> ancestorTimelineId,
        Optional<Lsn> ancestorLsn,
        Lsn lastRecordLsn,
        Optional<Lsn> prevRecordLsn,
        Lsn diskConsistentLsn,
        Optional<Lsn> remoteConsistentLsn,
        Optional<Lsn> remoteConsistentLsnVisible,
        Optional<Lsn> appliedGcCutoffLsn,
        Optional<Lsn> minReadableLsn,
        Optional<Long> currentLogicalSize,
        Optional<Integer> pgVersion,
        TimelineState state,
        Optional<TimelineSafekeepers> safekeepers) {

    public TimelineInfo {
        Objects.requireNonNull(tenantId, "tenant_id is missing");
        Objects.requireNonNull(timelineId, "timeline_id is missing");
        Objects.requireNonNull(lastRecordLsn, () -> "timeline " + timelineId + ": last_record_lsn is missing");
        Objects.requireNonNull(diskConsistentLsn, () -> "timeline " + timelineId + ": disk_consistent_lsn is missing");
        Objects.requireNonNull(state, () -> "timeline " + timelineId + ": state is missing");
    }

    /** The same timeline without the creation-only safekeeper list, as later reads describe it. */
    public TimelineInfo withoutSafekeepers() {
        return new TimelineInfo(tenantId, timelineId, ancestorTimelineId, ancestorLsn, lastRecordLsn, prevRecordLsn,
                diskConsistentLsn, remoteConsistentLsn, remoteConsistentLsnVisible, appliedGcCutoffLsn, minReadableLsn,
                currentLogicalSize, pgVersion, state, Optional.empty());
    }
}

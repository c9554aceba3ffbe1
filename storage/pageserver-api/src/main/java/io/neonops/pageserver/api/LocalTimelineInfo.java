package io.neonops.pageserver.api;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.TimelineId;
import java.util.Optional;

/**
 * The {@code local} sub-object of {@link TimelineInfo}: a copy of some merged fields, kept on the
 * wire for clients written before the merge. Read the fields of {@link TimelineInfo} instead.
 */
public record LocalTimelineInfo(Optional<TimelineId> ancestorTimelineId, Optional<Lsn> ancestorLsn,
        Optional<Long> currentLogicalSize, Optional<Long> currentPhysicalSize) {
}

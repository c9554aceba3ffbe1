package io.neonops.safekeeper.api;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.NodeId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How far one safekeeper holds one timeline's WAL, in the form both generations of the API can give.
 *
 * @param timeline  which timeline
 * @param flushLsn  end of the WAL this safekeeper has written and fsynced
 * @param commitLsn end of the WAL this safekeeper knows a quorum has acknowledged
 * @param members   the safekeepers the timeline's membership configuration names, as voters that must all
 *                  agree (a joint configuration during a migration has two sets); empty when the timeline has no
 *                  such configuration (a 2022 release, or a timeline a compute created implicitly), so that its
 *                  safekeepers are the cluster's
 */
public record TimelineWal(TenantTimelineId timeline, Lsn flushLsn, Lsn commitLsn, List<Set<NodeId>> members) {

    public TimelineWal {
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(flushLsn, "flush_lsn");
        Objects.requireNonNull(commitLsn, "commit_lsn");
        members = members == null ? List.of() : members.stream().map(Set::copyOf).toList();
        if (members.stream().anyMatch(Set::isEmpty)) {
            throw new IllegalArgumentException("timeline " + timeline + ": a membership set must not be empty");
        }
    }

    /** The positions of a timeline whose safekeepers are the cluster's. */
    public static TimelineWal of(TenantTimelineId timeline, Lsn flushLsn, Lsn commitLsn) {
        return new TimelineWal(timeline, flushLsn, commitLsn, List.of());
    }
}

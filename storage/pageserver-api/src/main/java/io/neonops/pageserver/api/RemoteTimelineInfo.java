package io.neonops.pageserver.api;

import io.neonops.storage.common.Lsn;

/**
 * The {@code remote} sub-object of {@link TimelineInfo}: a copy of {@code remote_consistent_lsn},
 * kept on the wire for clients written before the merge, and present only for timelines in remote
 * storage. Read {@link TimelineInfo#remoteConsistentLsn()} instead.
 */
public record RemoteTimelineInfo(Lsn remoteConsistentLsn) {
}

package io.neonops.safekeeper.api;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.api.MalformedResponseException;
import io.neonops.storage.common.api.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a safekeeper release publishes how far it holds each timeline's WAL; which one a cluster speaks follows from
 * its generation (the descriptors decide).
 */
public enum WalPositionSource {

    /** 2022 releases: the per-timeline gauges of {@code GET /metrics} ({@link TimelineWalMetrics}), one request. */
    METRICS {
        @Override
        public List<TimelineWal> read(SafekeeperClient client) {
            return client.timelineWalFromMetrics();
        }

        @Override
        public boolean needsToken() {
            return false;
        }
    },

    /**
     * Modern releases: {@code GET /v1/tenant/timeline} lists the timelines, then each one's status gives its
     * positions and its membership. A timeline deleted between the two requests is left out.
     */
    TIMELINE_STATUS {
        @Override
        public List<TimelineWal> read(SafekeeperClient client) {
            List<TimelineWal> timelines = new ArrayList<>();
            for (TenantTimelineId id : client.listTimelines()) {
                TimelineStatus status;
                try {
                    status = client.timelineStatus(id.tenantId(), id.timelineId());
                } catch (NotFoundException e) {
                    continue;
                }
                timelines.add(new TimelineWal(id, required(client, status.flushLsn(), "flush_lsn", id),
                        required(client, status.commitLsn(), "commit_lsn", id),
                        status.mconf().map(MembershipConfiguration::voterSets).orElse(List.of())));
            }
            return timelines;
        }

        @Override
        public boolean needsToken() {
            return true;
        }
    };

    /** How far the safekeeper holds each of its timelines. */
    public abstract List<TimelineWal> read(SafekeeperClient client);

    /** Whether the requests need the {@code safekeeperdata} token when the safekeepers check JWTs. */
    public abstract boolean needsToken();

    private static Lsn required(SafekeeperClient client, Optional<Lsn> lsn, String field, TenantTimelineId id) {
        return lsn.orElseThrow(() -> new MalformedResponseException("GET " + client.timelineStatusUri(id),
                "the timeline's status has no " + field, null));
    }
}

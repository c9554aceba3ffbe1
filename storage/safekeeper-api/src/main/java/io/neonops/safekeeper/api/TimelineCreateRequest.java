package io.neonops.safekeeper.api;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.PgServerVersion;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Body of the safekeeper's timeline creation, as the server reads it: unlike the pageserver's,
 * {@code pg_version} is the full server_version_num (e.g. 150002), and the ids travel in the body.
 *
 * @param peerIds    the safekeepers that hold this timeline
 * @param systemId   the Postgres system identifier; 0 (unknown) on the server when absent
 * @param walSegSize WAL segment size in bytes; the server's 16 MiB when absent
 * @param commitLsn  where the timeline's WAL starts being committed
 */
public record TimelineCreateRequest(
        TenantId tenantId,
        TimelineId timelineId,
        List<NodeId> peerIds,
        PgServerVersion pgVersion,
        Optional<Long> systemId,
        Optional<Integer> walSegSize,
        Lsn commitLsn) {

    public TimelineCreateRequest {
        Objects.requireNonNull(tenantId, "tenant_id is missing");
        Objects.requireNonNull(timelineId, "timeline_id is missing");
        peerIds = peerIds == null ? List.of() : List.copyOf(peerIds);
        requireSupportedMajor(pgVersion);
        Objects.requireNonNull(commitLsn, "commit_lsn is missing");
        walSegSize.ifPresent(size -> {
            if (size <= 0 || Integer.bitCount(size) != 1) {
                throw new IllegalArgumentException("invalid wal_seg_size " + size + ": must be a power of two");
            }
        });
    }

    // the timeline refuses computes of any other major, so it must be one this project runs
    private static void requireSupportedMajor(PgServerVersion pgVersion) {
        Objects.requireNonNull(pgVersion, "pg_version is missing");
        try {
            pgVersion.major();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pg_version: " + e.getMessage(), e);
        }
    }

    /** A new timeline on {@code peerIds} with the server's default system id and segment size. */
    public static TimelineCreateRequest of(TenantId tenantId, TimelineId timelineId, List<NodeId> peerIds,
            PgServerVersion pgVersion, Lsn commitLsn) {
        return new TimelineCreateRequest(tenantId, timelineId, peerIds, pgVersion, Optional.empty(), Optional.empty(), commitLsn);
    }
}

package io.neonops.safekeeper.api;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.PgServerVersion;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import java.util.Objects;
import java.util.Optional;

/**
 * Answer of {@code GET /v1/tenant/{tenant_id}/timeline/{timeline_id}}. Only the ids are required by
 * the OpenAPI file; the rest is empty when a server leaves it out.
 *
 * @param flushLsn            end of the WAL written to this safekeeper's disk
 * @param commitLsn           end of the WAL a quorum has acknowledged
 * @param remoteConsistentLsn how far the pageserver has made the WAL durable in remote storage
 * @param mconf               which safekeepers vote on the timeline (modern releases only)
 */
public record TimelineStatus(
        TenantId tenantId,
        TimelineId timelineId,
        Optional<AcceptorState> acceptorState,
        Optional<ServerInfo> pgInfo,
        Optional<Lsn> flushLsn,
        Optional<Lsn> timelineStartLsn,
        Optional<Lsn> localStartLsn,
        Optional<Lsn> commitLsn,
        Optional<Lsn> backupLsn,
        Optional<Lsn> peerHorizonLsn,
        Optional<Lsn> remoteConsistentLsn,
        Optional<MembershipConfiguration> mconf) {

    public TimelineStatus {
        Objects.requireNonNull(tenantId, "tenant_id is missing");
        Objects.requireNonNull(timelineId, "timeline_id is missing");
        mconf = mconf == null ? Optional.empty() : mconf;
    }

    /** A status as 2022 releases give it, without a membership configuration. */
    public TimelineStatus(TenantId tenantId, TimelineId timelineId, Optional<AcceptorState> acceptorState,
                          Optional<ServerInfo> pgInfo, Optional<Lsn> flushLsn, Optional<Lsn> timelineStartLsn,
                          Optional<Lsn> localStartLsn, Optional<Lsn> commitLsn, Optional<Lsn> backupLsn,
                          Optional<Lsn> peerHorizonLsn, Optional<Lsn> remoteConsistentLsn) {
        this(tenantId, timelineId, acceptorState, pgInfo, flushLsn, timelineStartLsn, localStartLsn, commitLsn,
                backupLsn, peerHorizonLsn, remoteConsistentLsn, Optional.empty());
    }

    public TenantTimelineId id() {
        return new TenantTimelineId(tenantId, timelineId);
    }

    /** The server version this timeline recorded; unknown when the server did not say. */
    public PgServerVersion recordedServerVersion() {
        return pgInfo.map(ServerInfo::pgVersion).orElse(PgServerVersion.UNKNOWN);
    }

    /** Whether a compute of {@code incoming} may write this timeline (see {@link ServerVersionCheck}). */
    public ServerVersionCheck checkServerVersion(PgServerVersion incoming) {
        return ServerVersionCheck.of(recordedServerVersion(), incoming);
    }
}

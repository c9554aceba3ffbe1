package io.neonops.pageserver.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import java.util.Objects;
import java.util.Optional;

/**
 * One timeline as {@code GET /v1/tenant/{tenant_id}/timeline[/{timeline_id}]} and timeline creation
 * describe it, in the shape after Neon merged the local fields into the top level (October 2022).
 *
 * <p>Also reads the earlier shape, where most fields sat in a {@code local} object and
 * {@code remote_consistent_lsn}/{@code awaits_download} in a {@code remote} object, and the later one
 * without {@code awaits_download}. Writes the merged fields plus the deprecated {@code local} and
 * {@code remote} views, as the server does.
 *
 * @param remoteConsistentLsn how far the timeline is uploaded; empty when it is not in remote storage
 * @param awaitsDownload      whether the pageserver still has to download it; always false when the
 *                            timeline is not in remote storage
 * @param pgVersion           the Postgres major of the timeline (e.g. 15); kept as a number so that a
 *                            server with a major this project does not support can still be listed
 * @param lastReceivedMsgTs   microseconds since the epoch of the last WAL message received
 */
public record TimelineInfo(
        TenantId tenantId,
        TimelineId timelineId,
        Optional<TimelineId> ancestorTimelineId,
        Optional<Lsn> ancestorLsn,
        Lsn lastRecordLsn,
        Optional<Lsn> prevRecordLsn,
        Optional<Lsn> latestGcCutoffLsn,
        Lsn diskConsistentLsn,
        Optional<Lsn> remoteConsistentLsn,
        Optional<Long> currentLogicalSize,
        Optional<Long> currentPhysicalSize,
        Optional<Long> currentLogicalSizeNonIncremental,
        Optional<Long> currentPhysicalSizeNonIncremental,
        Optional<String> walSourceConnstr,
        Optional<Lsn> lastReceivedMsgLsn,
        Optional<Long> lastReceivedMsgTs,
        Optional<Integer> pgVersion,
        boolean awaitsDownload) {

    public TimelineInfo {
        Objects.requireNonNull(tenantId, "tenant_id is missing");
        Objects.requireNonNull(timelineId, "timeline_id is missing");
        Objects.requireNonNull(lastRecordLsn, () -> "timeline " + timelineId + ": last_record_lsn is missing");
        Objects.requireNonNull(diskConsistentLsn, () -> "timeline " + timelineId + ": disk_consistent_lsn is missing");
        // a timeline that is not in remote storage has nothing to download
        awaitsDownload = awaitsDownload && remoteConsistentLsn.isPresent();
    }

    /** The deprecated {@code local} view, written for older clients. */
    @Deprecated
    @JsonProperty("local")
    public LocalTimelineInfo local() {
        return new LocalTimelineInfo(ancestorTimelineId, ancestorLsn, currentLogicalSize, currentPhysicalSize);
    }

    /** The deprecated {@code remote} view, written for older clients; absent when not in remote storage. */
    @Deprecated
    @JsonProperty("remote")
    public Optional<RemoteTimelineInfo> remote() {
        return remoteConsistentLsn.map(RemoteTimelineInfo::new);
    }

    /**
     * Reads both shapes: a merged field wins; when it is absent (servers before the merge), it is taken
     * from the {@code local} or {@code remote} object.
     */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static TimelineInfo fromJson(
            @JsonProperty("tenant_id") TenantId tenantId,
            @JsonProperty("timeline_id") TimelineId timelineId,
            @JsonProperty("ancestor_timeline_id") Optional<TimelineId> ancestorTimelineId,
            @JsonProperty("ancestor_lsn") Optional<Lsn> ancestorLsn,
            @JsonProperty("last_record_lsn") Optional<Lsn> lastRecordLsn,
            @JsonProperty("prev_record_lsn") Optional<Lsn> prevRecordLsn,
            @JsonProperty("latest_gc_cutoff_lsn") Optional<Lsn> latestGcCutoffLsn,
            @JsonProperty("disk_consistent_lsn") Optional<Lsn> diskConsistentLsn,
            @JsonProperty("remote_consistent_lsn") Optional<Lsn> remoteConsistentLsn,
            @JsonProperty("current_logical_size") Optional<Long> currentLogicalSize,
            @JsonProperty("current_physical_size") Optional<Long> currentPhysicalSize,
            @JsonProperty("current_logical_size_non_incremental") Optional<Long> currentLogicalSizeNonIncremental,
            @JsonProperty("current_physical_size_non_incremental") Optional<Long> currentPhysicalSizeNonIncremental,
            @JsonProperty("wal_source_connstr") Optional<String> walSourceConnstr,
            @JsonProperty("last_received_msg_lsn") Optional<Lsn> lastReceivedMsgLsn,
            @JsonProperty("last_received_msg_ts") Optional<Long> lastReceivedMsgTs,
            @JsonProperty("pg_version") Optional<Integer> pgVersion,
            @JsonProperty("awaits_download") Optional<Boolean> awaitsDownload,
            @JsonProperty("local") Optional<LegacyLocalTimelineInfo> local,
            @JsonProperty("remote") Optional<LegacyRemoteTimelineInfo> remote) {
        var l = local.orElse(LegacyLocalTimelineInfo.EMPTY);
        var r = remote.orElse(LegacyRemoteTimelineInfo.EMPTY);
        return new TimelineInfo(
                tenantId,
                timelineId,
                ancestorTimelineId.or(l::ancestorTimelineId),
                ancestorLsn.or(l::ancestorLsn),
                lastRecordLsn.or(l::lastRecordLsn).orElse(null),
                prevRecordLsn.or(l::prevRecordLsn),
                latestGcCutoffLsn.or(l::latestGcCutoffLsn),
                diskConsistentLsn.or(l::diskConsistentLsn).orElse(null),
                remoteConsistentLsn.or(r::remoteConsistentLsn),
                currentLogicalSize.or(l::currentLogicalSize),
                currentPhysicalSize.or(l::currentPhysicalSize),
                currentLogicalSizeNonIncremental.or(l::currentLogicalSizeNonIncremental),
                currentPhysicalSizeNonIncremental.or(l::currentPhysicalSizeNonIncremental),
                walSourceConnstr.or(l::walSourceConnstr),
                lastReceivedMsgLsn.or(l::lastReceivedMsgLsn),
                lastReceivedMsgTs.or(l::lastReceivedMsgTs),
                pgVersion.or(l::pgVersion),
                awaitsDownload.or(r::awaitsDownload).orElse(false));
    }

    /** The {@code local} object of servers before the merge, where it held most fields. */
    record LegacyLocalTimelineInfo(
            Optional<TimelineId> ancestorTimelineId,
            Optional<Lsn> ancestorLsn,
            Optional<Lsn> lastRecordLsn,
            Optional<Lsn> prevRecordLsn,
            Optional<Lsn> latestGcCutoffLsn,
            Optional<Lsn> diskConsistentLsn,
            Optional<Long> currentLogicalSize,
            Optional<Long> currentPhysicalSize,
            Optional<Long> currentLogicalSizeNonIncremental,
            Optional<Long> currentPhysicalSizeNonIncremental,
            Optional<String> walSourceConnstr,
            Optional<Lsn> lastReceivedMsgLsn,
            Optional<Long> lastReceivedMsgTs,
            Optional<Integer> pgVersion) {

        static final LegacyLocalTimelineInfo EMPTY = new LegacyLocalTimelineInfo(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The {@code remote} object of servers before the merge. */
    record LegacyRemoteTimelineInfo(Optional<Lsn> remoteConsistentLsn, Optional<Boolean> awaitsDownload) {

        static final LegacyRemoteTimelineInfo EMPTY = new LegacyRemoteTimelineInfo(Optional.empty(), Optional.empty());
    }
}

package io.neonops.controller.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.neonops.storage.common.Lsn;
import java.util.Objects;

/**
 * Answer of {@code GET /v1/tenant/{tenant_id}/timeline/{timeline_id}/get_lsn_by_timestamp} (the pageserver's
 * {@code LsnByTimestampResponse}, which the storage controller passes on from shard 0).
 *
 * @param lsn  the LSN of the last commit at or before the time (for {@link Kind#FUTURE}: the last record)
 * @param kind where the time lies relative to the history the timeline keeps
 */
public record LsnByTimestamp(Lsn lsn, Kind kind) {

    public enum Kind {
        /** Before the oldest commit the timeline still has: no LSN shows the state of that time. */
        @JsonProperty("past") PAST,
        /** Within the history: {@code lsn} is the state at that time. */
        @JsonProperty("present") PRESENT,
        /** After the last commit: the latest state is the state at that time. */
        @JsonProperty("future") FUTURE,
        /** The timeline has no commit at all to go by. */
        @JsonProperty("nodata") NODATA
    }

    public LsnByTimestamp {
        Objects.requireNonNull(lsn, "lsn is missing");
        Objects.requireNonNull(kind, "kind is missing");
    }

    /** Whether {@code lsn} shows the timeline as it was at the time asked about. */
    public boolean found() {
        return kind == Kind.PRESENT || kind == Kind.FUTURE;
    }
}

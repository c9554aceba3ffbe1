package io.neonops.pageserver.api;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import java.util.Optional;

/** Sample values for the pageserver model and client tests. */
final class Fixtures {

    static final TenantId TENANT = TenantId.of("de200bd42b49cc1814412c7e592dd6e9");
    static final TimelineId TIMELINE = TimelineId.of("1f2e3d4c5b6a79880123456789abcdef");
    static final TimelineId ANCESTOR = TimelineId.of("00112233445566778899aabbccddeeff");

    private Fixtures() {
    }

    /** A timeline with only the fields every server sends. */
    static TimelineInfo minimalTimeline() {
        return new TimelineInfo(TENANT, TIMELINE, Optional.empty(), Optional.empty(), Lsn.parse("0/16B5A50"),
                Optional.empty(), Optional.empty(), Lsn.parse("0/16B5A00"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false);
    }

    /** A branch in remote storage with every field set. */
    static TimelineInfo fullTimeline() {
        return new TimelineInfo(TENANT, TIMELINE, Optional.of(ANCESTOR), Optional.of(Lsn.parse("0/1696070")),
                Lsn.parse("1/16B5A50"), Optional.of(Lsn.parse("1/16B5A28")), Optional.of(Lsn.parse("0/1000000")),
                Lsn.parse("1/16B5A00"), Optional.of(Lsn.parse("1/16B0000")), Optional.of(30_000_000L),
                Optional.of(40_000_000L), Optional.of(29_999_999L), Optional.of(39_999_999L),
                Optional.of("host=127.0.0.1 port=5454 options='-c timeline_id=1f2e3d4c5b6a79880123456789abcdef'"),
                Optional.of(Lsn.parse("1/16B5A50")), Optional.of(1_665_744_000_123_456L),
                Optional.of(PgMajorVersion.defaultForTests().major()), true);
    }
}

package io.neonops.safekeeper.api;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.PgServerVersion;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import java.util.List;
import java.util.Optional;

/** Sample values for the safekeeper model and client tests. */
final class Fixtures {

    static final TenantId TENANT = TenantId.of("de200bd42b49cc1814412c7e592dd6e9");
    static final TimelineId TIMELINE = TimelineId.of("1f2e3d4c5b6a79880123456789abcdef");
    static final String TIMELINE_PATH = "/v1/tenant/" + TENANT + "/timeline/" + TIMELINE;

    private Fixtures() {
    }

    /** The server version a compute of the tests' Postgres major would report, e.g. 170002. */
    static PgServerVersion testServerVersion() {
        return PgServerVersion.of(PgMajorVersion.defaultForTests().firstServerVersionNum() + 2);
    }

    static TimelineStatus timelineStatus() {
        return new TimelineStatus(TENANT, TIMELINE,
                Optional.of(new AcceptorState(3, 2, List.of(
                        new TermSwitchEntry(1, Lsn.parse("0/16B5A50")),
                        new TermSwitchEntry(2, Lsn.parse("0/2A3B4C8"))))),
                Optional.of(new ServerInfo(testServerVersion(), 7_155_446_321_234_567_890L, 16 * 1024 * 1024)),
                Optional.of(Lsn.parse("0/2A3B5F0")), Optional.of(Lsn.parse("0/16B5A50")), Optional.of(Lsn.parse("0/1000000")),
                Optional.of(Lsn.parse("0/2A3B5F0")), Optional.of(Lsn.parse("0/2000000")), Optional.of(Lsn.parse("0/2A3B4C8")),
                Optional.of(Lsn.parse("0/2A3B4C8")));
    }
}

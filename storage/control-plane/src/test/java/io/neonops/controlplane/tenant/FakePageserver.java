package io.neonops.controlplane.tenant;

import io.neonops.pageserver.api.TimelineInfo;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import io.neonops.storage.common.testing.FakeHttpServer;
import java.util.Map;
import java.util.Optional;

/** Environments and sample answers for commands talking to a fake pageserver. */
final class FakePageserver {

    static final TenantId TENANT = TenantId.of("de200bd42b49cc1814412c7e592dd6e9");
    static final TimelineId TIMELINE = TimelineId.of("1f2e3d4c5b6a79880123456789abcdef");
    static final TimelineId ANCESTOR = TimelineId.of("00112233445566778899aabbccddeeff");

    private FakePageserver() {
    }

    /** Finds {@code server} as the local cluster's pageserver, with these environment variables. */
    static CliEnvironment environment(FakeHttpServer server, Map<String, String> variables) {
        return new CliEnvironment(workDir -> server.baseUri(), variables);
    }

    static TimelineInfo timeline(TimelineId id, Optional<TimelineId> ancestor, int pgVersion) {
        return new TimelineInfo(TENANT, id, ancestor, ancestor.map(a -> Lsn.parse("0/1696070")), Lsn.parse("0/16B5A50"),
                Optional.empty(), Optional.empty(), Lsn.parse("0/16B5A50"), Optional.empty(), Optional.of(22380544L),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(pgVersion), false);
    }
}

package io.neonops.controlplane.tenant;

import io.neonops.pageserver.api.PageserverClient;
import io.neonops.pageserver.api.TimelineCreateRequest;
import io.neonops.pageserver.api.TimelineInfo;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a timeline: a new one, or a branch of an ancestor timeline.")
final class TimelineCreateCommand extends PageserverCommand<TimelineInfo> {

    static final class Branch {
        @Option(names = "--ancestor-timeline-id", paramLabel = "ID", required = true,
                converter = ValueConverters.TimelineIds.class, description = "Branch from this timeline.")
        TimelineId ancestorTimelineId;

        @Option(names = "--ancestor-start-lsn", paramLabel = "LSN", converter = ValueConverters.Lsns.class,
                description = "Branch at this LSN, e.g. 0/16B5A50 (default: the ancestor's last record).")
        Lsn ancestorStartLsn;
    }

    @Option(names = "--tenant-id", paramLabel = "ID", required = true, converter = ValueConverters.TenantIds.class,
            description = "The tenant of the new timeline.")
    TenantId tenantId;

    @Option(names = "--timeline-id", paramLabel = "ID", converter = ValueConverters.TimelineIds.class,
            description = "Id of the new timeline (default: generated).")
    TimelineId timelineId;

    @Option(names = "--pg-version", paramLabel = "N", converter = ValueConverters.PgVersions.class,
            description = "Postgres major of a new timeline: 14, 15, 16 or 17 (default: ${DEFAULT-VALUE});"
                    + " a branch has its ancestor's.")
    PgMajorVersion pgVersion = PgMajorVersion.DEFAULT_PG_VERSION;

    @ArgGroup(exclusive = false)
    Branch branch;

    @Override
    void checkArguments() {
        if (branch != null && spec.commandLine().getParseResult().hasMatchedOption("--pg-version")) {
            throw new ParameterException(spec.commandLine(),
                    "--pg-version does not apply to a branch: it has the Postgres version of its ancestor");
        }
    }

    @Override
    TimelineInfo execute(PageserverClient client) {
        TimelineCreateRequest request = branch == null
                ? TimelineCreateRequest.root(Optional.ofNullable(timelineId), pgVersion)
                : TimelineCreateRequest.branch(Optional.ofNullable(timelineId), branch.ancestorTimelineId,
                        Optional.ofNullable(branch.ancestorStartLsn));
        return PageserverCall.run("cannot create a timeline in tenant " + tenantId,
                () -> client.createTimeline(tenantId, request));
    }

    @Override
    TextTable table(TimelineInfo created) {
        return Tables.timelines(List.of(created));
    }
}

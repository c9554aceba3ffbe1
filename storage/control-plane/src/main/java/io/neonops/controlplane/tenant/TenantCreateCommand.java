package io.neonops.controlplane.tenant;

import io.neonops.pageserver.api.PageserverClient;
import io.neonops.pageserver.api.TenantCreateRequest;
import io.neonops.pageserver.api.TimelineCreateRequest;
import io.neonops.pageserver.api.TimelineInfo;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a tenant and its initial timeline.")
final class TenantCreateCommand extends PageserverCommand<CreatedTenant> {

    @Option(names = "--tenant-id", paramLabel = "ID", converter = ValueConverters.TenantIds.class,
            description = "Id of the new tenant, 32 lower-case hex characters (default: generated).")
    TenantId tenantId;

    @Option(names = "--timeline-id", paramLabel = "ID", converter = ValueConverters.TimelineIds.class,
            description = "Id of the initial timeline (default: generated).")
    TimelineId timelineId;

    @Option(names = "--pg-version", paramLabel = "N", converter = ValueConverters.PgVersions.class,
            description = "Postgres major of the initial timeline: 14, 15, 16 or 17 (default: ${DEFAULT-VALUE}).")
    PgMajorVersion pgVersion = PgMajorVersion.DEFAULT_PG_VERSION;

    @Override
    CreatedTenant execute(PageserverClient client) {
        var request = new TenantCreateRequest(Optional.ofNullable(tenantId));
        TenantId created = PageserverCall.run("cannot create tenant", () -> client.createTenant(request));
        TimelineInfo timeline = PageserverCall.run(
                "tenant " + created + " was created, but not its initial timeline",
                () -> client.createTimeline(created, TimelineCreateRequest.root(Optional.ofNullable(timelineId), pgVersion)));
        return new CreatedTenant(created, timeline);
    }

    @Override
    TextTable table(CreatedTenant created) {
        return Tables.createdTenant(created);
    }
}

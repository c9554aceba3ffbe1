package io.neonops.controlplane.tenant;

import io.neonops.pageserver.api.PageserverClient;
import io.neonops.pageserver.api.TimelineInfo;
import io.neonops.pageserver.api.TimelineSizes;
import io.neonops.storage.common.TenantId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the timelines of a tenant.")
final class TimelineListCommand extends PageserverCommand<List<TimelineInfo>> {

    @Option(names = "--tenant-id", paramLabel = "ID", required = true, converter = ValueConverters.TenantIds.class,
            description = "The tenant whose timelines to list.")
    TenantId tenantId;

    @Override
    List<TimelineInfo> execute(PageserverClient client) {
        return PageserverCall.run("cannot list the timelines of tenant " + tenantId,
                () -> client.listTimelines(tenantId, TimelineSizes.INCREMENTAL_ONLY));
    }

    @Override
    TextTable table(List<TimelineInfo> timelines) {
        return Tables.timelines(timelines);
    }
}

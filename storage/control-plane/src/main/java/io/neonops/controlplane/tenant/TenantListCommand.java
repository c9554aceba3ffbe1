package io.neonops.controlplane.tenant;

import io.neonops.pageserver.api.PageserverClient;
import io.neonops.pageserver.api.TenantInfo;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the tenants of the pageserver.")
final class TenantListCommand extends PageserverCommand<List<TenantInfo>> {

    @Override
    List<TenantInfo> execute(PageserverClient client) {
        return PageserverCall.run("cannot list tenants", client::listTenants);
    }

    @Override
    TextTable table(List<TenantInfo> tenants) {
        return Tables.tenants(tenants);
    }
}

package io.neonops.operator.pageserver;

import io.neonops.operator.runtime.DaemonHttp;
import io.neonops.pageserver.api.PageserverClient;
import io.neonops.storage.common.api.ApiClientSettings;

/** Opens a client of one pageserver's management API; tests point it at a fake pageserver. */
@FunctionalInterface
public interface PageserverConnector {

    /** Over HTTP, to the address the settings name, through the process's one HTTP client. */
    PageserverConnector HTTP = settings -> new PageserverClient(settings, DaemonHttp.CLIENT);

    PageserverClient connect(ApiClientSettings settings);
}

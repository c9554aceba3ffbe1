package io.neonops.operator.pageserver;

import io.neonops.pageserver.api.PageserverClient;
import io.neonops.storage.common.api.ApiClientSettings;

/** Opens a client of one pageserver's management API; tests point it at a fake pageserver. */
@FunctionalInterface
public interface PageserverConnector {

    /** Over HTTP, to the address the settings name. */
    PageserverConnector HTTP = PageserverClient::new;

    PageserverClient connect(ApiClientSettings settings);
}

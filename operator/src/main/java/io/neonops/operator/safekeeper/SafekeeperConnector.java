package io.neonops.operator.safekeeper;

import io.neonops.operator.runtime.DaemonHttp;
import io.neonops.safekeeper.api.SafekeeperClient;
import io.neonops.storage.common.api.ApiClientSettings;

/** Opens a client of one safekeeper's management API; tests point it at fake safekeepers. */
@FunctionalInterface
public interface SafekeeperConnector {

    /** Over HTTP, to the address the settings name, through the process's one HTTP client. */
    SafekeeperConnector HTTP = settings -> new SafekeeperClient(settings, DaemonHttp.CLIENT);

    SafekeeperClient connect(ApiClientSettings settings);
}

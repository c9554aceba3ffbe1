package io.neonops.operator.storcon;

import io.neonops.controller.api.StorageControllerClient;
import io.neonops.operator.runtime.DaemonHttp;
import io.neonops.storage.common.api.ApiClientSettings;

/** Opens a client of a cluster's storage controller; tests point it at a fake storage controller. */
@FunctionalInterface
public interface StorageControllerConnector {

    /**
     * Over HTTP, to the address the settings name (the storage controller's Service), on the operator's one shared
     * HTTP client rather than a new one (selector thread, pool) per reconcile.
     */
    StorageControllerConnector HTTP = settings -> new StorageControllerClient(settings, DaemonHttp.CLIENT);

    StorageControllerClient connect(ApiClientSettings settings);
}

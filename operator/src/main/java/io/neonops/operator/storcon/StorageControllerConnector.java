package io.neonops.operator.storcon;

import io.neonops.controller.api.StorageControllerClient;
import io.neonops.storage.common.api.ApiClientSettings;

/** Opens a client of a cluster's storage controller; tests point it at a fake storage controller. */
@FunctionalInterface
public interface StorageControllerConnector {

    /** Over HTTP, to the address the settings name (the storage controller's Service). */
    StorageControllerConnector HTTP = StorageControllerClient::new;

    StorageControllerClient connect(ApiClientSettings settings);
}

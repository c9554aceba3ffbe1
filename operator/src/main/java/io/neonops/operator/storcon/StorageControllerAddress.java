package io.neonops.operator.storcon;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.Environment;
import io.neonops.controlplane.component.NodePort;
import io.neonops.operator.pageserver.PageserverApiToken;
import io.neonops.storage.common.api.ApiClientSettings;

/** Where the operator reaches a cluster's storage controller: its Service, with the admin token when auth is on. */
public final class StorageControllerAddress {

    private StorageControllerAddress() {
    }

    /** @param token not {@link PageserverApiToken.Unavailable}: callers report that before they connect */
    public static ApiClientSettings settings(ClusterSpec cluster, Environment env, PageserverApiToken token) {
        ApiClientSettings settings = ApiClientSettings.of("http://" + env.serviceHost(Component.STORAGE_CONTROLLER) + ":"
                + env.port(Component.STORAGE_CONTROLLER, 0, NodePort.STORAGE_CONTROLLER_HTTP));
        return token instanceof PageserverApiToken.Bearer bearer ? settings.withBearerToken(bearer.token()) : settings;
    }
}

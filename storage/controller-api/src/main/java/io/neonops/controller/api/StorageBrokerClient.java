package io.neonops.controller.api;

import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.ApiRequest;
import io.neonops.storage.common.api.NeonApiException;
import io.neonops.storage.common.api.NeonApiTransport;

/**
 * Health check of a {@code storage_broker}: its one port (50051) serves gRPC to safekeepers and
 * pageservers and plain HTTP/1 for {@code /status} and {@code /metrics}. The broker has no auth and keeps
 * no state; a token in the settings is sent but ignored.
 */
public final class StorageBrokerClient {

    private final NeonApiTransport transport;

    public StorageBrokerClient(ApiClientSettings settings) {
        this.transport = new NeonApiTransport(settings);
    }

    /**
     * {@code GET /status}: 200 with an empty body while the broker runs.
     *
     * @throws NeonApiException naming the URL when it does not answer 2xx
     */
    public void status() {
        transport.send(ApiRequest.get("/status"));
    }
}

package io.neonops.controller.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.controller.api.testing.FakeStorageBroker;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.ApiRequest;
import io.neonops.storage.common.api.NeonApiTransport;
import io.neonops.storage.common.api.NotFoundException;
import io.neonops.storage.common.api.RequestFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StorageBrokerClientTest {

    private final FakeStorageBroker broker = FakeStorageBroker.start();
    private final StorageBrokerClient client = new StorageBrokerClient(ApiClientSettings.of(broker.baseUri()));

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void statusOfARunningBrokerIsAnEmpty200() {
        client.status();

        assertThat(broker.requests()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/status"));
    }

    @Test
    void theBrokerAnswersNothingElseOverHttp() {
        var transport = new NeonApiTransport(ApiClientSettings.of(broker.baseUri()));

        assertThatThrownBy(() -> transport.send(ApiRequest.get("/v1/status")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("GET " + broker.baseUri() + "/v1/status: HTTP 404");
    }

    @Test
    void aBrokerThatIsDownIsARequestFailureNamingTheUrl() {
        broker.close();

        assertThatThrownBy(client::status)
                .isInstanceOf(RequestFailedException.class)
                .hasMessageStartingWith("GET " + broker.baseUri() + "/status: request failed");
    }
}

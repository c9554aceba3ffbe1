package io.neonops.storage.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiClientSettingsTest {

    @Test
    void defaultsToBoundedTimeoutsAndBodySizeAndNoToken() {
        var settings = ApiClientSettings.of("http://127.0.0.1:9898");

        assertThat(settings.baseUri()).isEqualTo(URI.create("http://127.0.0.1:9898"));
        assertThat(settings.connectTimeout()).isEqualTo(ApiClientSettings.DEFAULT_CONNECT_TIMEOUT);
        assertThat(settings.requestTimeout()).isEqualTo(ApiClientSettings.DEFAULT_REQUEST_TIMEOUT);
        assertThat(settings.bearerToken()).isEmpty();
        assertThat(settings.maxResponseBytes()).isEqualTo(ApiClientSettings.DEFAULT_MAX_RESPONSE_BYTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:9898", "ftp://host", "http://", "not a url", "http://h:1/?q=1"})
    void rejectsUrlsThatAreNotHttpNamingThem(String url) {
        assertThatThrownBy(() -> ApiClientSettings.of(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid API URL \"" + url + "\"");
    }

    @Test
    void rejectsMissingUrl() {
        assertThatThrownBy(() -> ApiClientSettings.of((String) null)).hasMessageContaining("API URL is missing");
    }

    @Test
    void rejectsNonPositiveTimeoutsAndBlankTokens() {
        var settings = ApiClientSettings.of("http://127.0.0.1:1");
        assertThatThrownBy(() -> settings.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("invalid connect timeout PT0S: must be positive");
        assertThatThrownBy(() -> settings.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .hasMessageContaining("invalid request timeout");
        assertThatThrownBy(() -> settings.withBearerToken(" ")).hasMessageContaining("invalid bearer token");
        assertThatThrownBy(() -> settings.withMaxResponseBytes(0))
                .hasMessageContaining("invalid response size limit 0: must be positive");
    }

    @Test
    void neverPrintsTheToken() {
        assertThat(ApiClientSettings.of("http://127.0.0.1:1").withBearerToken("secret").toString())
                .doesNotContain("secret").contains("bearerToken=***");
    }
}

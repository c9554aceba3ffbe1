package io.neonops.storage.common.api;

import java.io.IOException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.testing.FakeHttpServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NeonApiTransportTest {

    record Item(String name, Optional<Lsn> someLsn) {
    }

    private final FakeHttpServer server = FakeHttpServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private NeonApiTransport transport() {
        return new NeonApiTransport(ApiClientSettings.of(server.baseUri()));
    }

    @Test
    void postsJsonInSnakeCaseOmittingEmptyOptionals() {
        server.respond("POST", "/v1/items", 201, "{\"name\":\"created\"}");

        Item created = transport().send(ApiRequest.post("/v1/items", new Item("a", Optional.empty())), Item.class);

        assertThat(created).isEqualTo(new Item("created", Optional.empty()));
        var request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).isEqualTo("{\"name\":\"a\"}");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isNull();
    }

    @Test
    void sendsTheBearerTokenWhenConfigured() {
        server.respond("GET", "/v1/items", 200, "[]");

        new NeonApiTransport(ApiClientSettings.of(server.baseUri()).withBearerToken("abc.def.ghi"))
                .send(ApiRequest.get("/v1/items"), new TypeReference<List<Item>>() { });

        assertThat(server.onlyRequest().header("Authorization")).isEqualTo("Bearer abc.def.ghi");
    }

    @Test
    void encodesQueryParametersInOrder() {
        server.respond("GET", "/v1/items", 200, "[{\"name\":\"x\",\"some_lsn\":\"0/16B5A50\",\"unknown\":{\"a\":1}}]");

        List<Item> items = transport().send(ApiRequest.get("/v1/items").withQuery("b-flag", "true").withQuery("a", "x y&z"),
                new TypeReference<List<Item>>() { });

        assertThat(items).containsExactly(new Item("x", Optional.of(Lsn.parse("0/16B5A50"))));
        assertThat(server.onlyRequest().query()).isEqualTo("b-flag=true&a=x+y%26z");
    }

    @Test
    void deleteSendsNoBodyAndIgnoresTheResponseBody() {
        server.respond("DELETE", "/v1/items/1", 200, "null");

        transport().send(ApiRequest.delete("/v1/items/1"));

        var request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.body()).isEmpty();
        assertThat(request.header("Content-Type")).isNull();
    }

    @Test
    void keepsAPathPrefixOfTheBaseUrl() {
        server.respond("GET", "/prefix/v1/items", 200, "[]");

        new NeonApiTransport(ApiClientSettings.of(server.baseUri() + "/prefix/"))
                .send(ApiRequest.get("/v1/items"));

        assertThat(server.onlyRequest().path()).isEqualTo("/prefix/v1/items");
    }

    @Test
    void mapsErrorStatusesToTypedExceptionsCarryingTheServerMessage() {
        server.respond("GET", "/v1/missing", 404, "{\"msg\":\"tenant 123 not found\"}")
                .respond("GET", "/v1/dup", 409, "{\"msg\":\"already exists\"}")
                .respond("GET", "/v1/auth", 401, "{\"msg\":\"missing token\"}")
                .respond("GET", "/v1/forbidden", 403, "{\"msg\":\"wrong scope\"}")
                .respond("GET", "/v1/broken", 500, "{\"msg\":\"boom\\nsecond line\"}");

        assertThatThrownBy(() -> transport().send(ApiRequest.get("/v1/missing")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("GET " + server.baseUri() + "/v1/missing: HTTP 404: tenant 123 not found")
                .satisfies(e -> assertThat(((NeonApiStatusException) e).serverMessage()).contains("tenant 123 not found"));
        assertThatThrownBy(() -> transport().send(ApiRequest.get("/v1/dup")))
                .isInstanceOf(ConflictException.class).hasMessageEndingWith("HTTP 409: already exists");
        assertThatThrownBy(() -> transport().send(ApiRequest.get("/v1/auth")))
                .isInstanceOf(UnauthorizedException.class).hasMessageEndingWith("HTTP 401: missing token");
        assertThatThrownBy(() -> transport().send(ApiRequest.get("/v1/forbidden")))
                .isInstanceOf(UnauthorizedException.class)
                .satisfies(e -> assertThat(((NeonApiStatusException) e).status()).isEqualTo(403));
        assertThatThrownBy(() -> transport().send(ApiRequest.get("/v1/broken")))
                .isInstanceOf(UnexpectedStatusException.class)
                .hasMessageEndingWith("HTTP 500: boom second line");
    }

    @Test
    void errorWithoutNeonBodyShowsTheStartOfTheBody() {
        server.respondRaw("GET", "/v1/proxy", 502, "text/html", "<html>Bad Gateway</html>")
                .respond("POST", "/v1/conflict", 409, "null");

        assertThatThrownBy(() -> transport().send(ApiRequest.get("/v1/proxy")))
                .isInstanceOf(UnexpectedStatusException.class)
                .hasMessageEndingWith("HTTP 502: <html>Bad Gateway</html>")
                .satisfies(e -> assertThat(((NeonApiStatusException) e).serverMessage()).isEmpty());
        assertThatThrownBy(() -> transport().send(ApiRequest.post("/v1/conflict", List.of())))
                .isInstanceOf(ConflictException.class)
                .hasMessageEndingWith("/v1/conflict: HTTP 409");
    }

    @Test
    void garbageInASuccessIsAMalformedResponse() {
        server.respondRaw("GET", "/v1/garbage", 200, "text/plain", "this is not json")
                .respond("GET", "/v1/wrong-shape", 200, "{\"name\":\"x\",\"some_lsn\":\"not-an-lsn\"}")
                .respond("GET", "/v1/empty", 200, "")
                .respond("GET", "/v1/null", 200, "null");

        assertThatThrownBy(() -> transport().send(ApiRequest.get("/v1/garbage"), Item.class))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("HTTP 200 with a body that is not a valid Item");
        assertThatThrownBy(() -> transport().send(ApiRequest.get("/v1/wrong-shape"), Item.class))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("invalid LSN \"not-an-lsn\"");
        assertThatThrownBy(() -> transport().send(ApiRequest.get("/v1/empty"), new TypeReference<List<Item>>() { }))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("not a valid list of Item");
        assertThatThrownBy(() -> transport().send(ApiRequest.get("/v1/null"), Item.class))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("HTTP 200 without the expected Item");
    }

    @Test
    void aServerThatHangsTimesOut() {
        server.hang("GET", "/v1/slow");
        var settings = ApiClientSettings.of(server.baseUri()).withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300));

        assertThatThrownBy(() -> new NeonApiTransport(settings).send(ApiRequest.get("/v1/slow")))
                .isInstanceOf(NeonApiTimeoutException.class)
                .hasMessageStartingWith("GET " + server.baseUri() + "/v1/slow: no complete response (headers and body) within 300 ms");
    }

    @Test
    void aBodyThatTricklesInTimesOutAtTheRequestDeadline() {
        server.trickle("GET", "/v1/trickle");

        assertThatThrownBy(() -> listItems(ApiClientSettings.of(server.baseUri())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300)), "/v1/trickle"))
                .isInstanceOf(NeonApiTimeoutException.class)
                .hasMessage("GET " + server.baseUri() + "/v1/trickle: no complete response (headers and body) within 300 ms"
                        + " (connect timeout 5000 ms)");
    }

    @Test
    void aBodyThatNeverEndsIsCutAtTheSizeLimit() {
        server.endless("GET", "/v1/endless");

        assertThatThrownBy(() -> listItems(ApiClientSettings.of(server.baseUri()).withMaxResponseBytes(1024 * 1024), "/v1/endless"))
                .isInstanceOf(RequestFailedException.class)
                .hasMessage("GET " + server.baseUri() + "/v1/endless: response not read: the response body is larger than"
                        + " the limit of 1048576 bytes");
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        server.respond("GET", "/v1/items", 200, "[]");

        assertThat(listItems(ApiClientSettings.of(server.baseUri()).withMaxResponseBytes(2), "/v1/items")).isEmpty();
    }

    private static List<Item> listItems(ApiClientSettings settings, String path) {
        return new NeonApiTransport(settings).send(ApiRequest.get(path), new TypeReference<List<Item>>() { });
    }

    @Test
    void aClosedPortIsAFailedRequest() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var settings = ApiClientSettings.of(URI.create("http://127.0.0.1:" + port));

        assertThatThrownBy(() -> new NeonApiTransport(settings).send(ApiRequest.get("/v1/status")))
                .isInstanceOf(RequestFailedException.class)
                .hasMessage("GET http://127.0.0.1:" + port + "/v1/status: request failed: connection refused "
                        + "(is the server running and listening there?)");
    }

    @Test
    void everyMessageIsOneLine() {
        server.respond("GET", "/v1/multi", 500, "{\"msg\":\"" + "line\\n".repeat(200) + "\"}");

        assertThatThrownBy(() -> transport().send(ApiRequest.get("/v1/multi")))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(600));
    }
}

package io.neonops.safekeeper.api;

import static io.neonops.safekeeper.api.Fixtures.TENANT;
import static io.neonops.safekeeper.api.Fixtures.TIMELINE;
import static io.neonops.safekeeper.api.Fixtures.TIMELINE_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.ConflictException;
import io.neonops.storage.common.api.MalformedResponseException;
import io.neonops.storage.common.api.NeonApiTimeoutException;
import io.neonops.storage.common.testing.JsonText;
import io.neonops.storage.common.api.NotFoundException;
import io.neonops.storage.common.api.UnauthorizedException;
import io.neonops.storage.common.api.UnexpectedStatusException;
import io.neonops.storage.common.testing.FakeHttpServer;
import io.neonops.storage.common.testing.FakeHttpServer.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SafekeeperClientTest {

    private final FakeHttpServer server = FakeHttpServer.start();
    private final SafekeeperClient client = new SafekeeperClient(ApiClientSettings.of(server.baseUri()));

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static void assertRequest(RecordedRequest request, String method, String path, String body) {
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.path()).isEqualTo(path);
        assertThat(request.query()).isEmpty();
        assertThat(request.body()).isEqualTo(body);
    }

    @Test
    void statusGetsTheNodeId() {
        server.respond("GET", "/v1/status", 200, "{\"id\":2}");

        assertThat(client.status()).isEqualTo(new SafekeeperStatus(NodeId.of(2)));
        assertRequest(server.onlyRequest(), "GET", "/v1/status", "");
    }

    @Test
    void createsATimelineWhereTheServerRoutesIt() {
        server.respond("POST", "/v1/tenant/timeline", 200, "null");
        var request = TimelineCreateRequest.of(TENANT, TIMELINE, List.of(NodeId.of(1), NodeId.of(2)),
                Fixtures.testServerVersion(), Lsn.parse("0/16B5A50"));

        client.createTimeline(request);

        assertRequest(server.onlyRequest(), "POST", "/v1/tenant/timeline", "{\"tenant_id\":\"" + TENANT
                + "\",\"timeline_id\":\"" + TIMELINE + "\",\"peer_ids\":[1,2],\"pg_version\":"
                + Fixtures.testServerVersion() + ",\"commit_lsn\":\"0/16B5A50\"}");
        assertThat(server.onlyRequest().header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void getsTheTimelineStatus() {
        server.respond("GET", TIMELINE_PATH, 200, JsonText.write(Fixtures.timelineStatus()));

        assertThat(client.timelineStatus(TENANT, TIMELINE)).isEqualTo(Fixtures.timelineStatus());
        assertRequest(server.onlyRequest(), "GET", TIMELINE_PATH, "");
    }

    @Test
    void deletesATimeline() {
        server.respond("DELETE", TIMELINE_PATH, 200, "{\"dir_existed\":true,\"was_active\":true}");

        assertThat(client.deleteTimeline(TENANT, TIMELINE)).isEqualTo(new TimelineDeleteResult(true, true));
        assertRequest(server.onlyRequest(), "DELETE", TIMELINE_PATH, "");
    }

    @Test
    void deletesATenantReportingEachTimeline() {
        server.respond("DELETE", "/v1/tenant/" + TENANT, 200,
                "{\"" + TIMELINE + "\":{\"dir_existed\":true,\"was_active\":false}}");

        assertThat(client.deleteTenant(TENANT)).isEqualTo(Map.of(TIMELINE, new TimelineDeleteResult(true, false)));
        assertRequest(server.onlyRequest(), "DELETE", "/v1/tenant/" + TENANT, "");
    }

    @Test
    void sendsTheBearerToken() {
        server.respond("GET", "/v1/status", 200, "{\"id\":2}");

        new SafekeeperClient(ApiClientSettings.of(server.baseUri()).withBearerToken("sk.jwt.token")).status();

        assertThat(server.onlyRequest().header("Authorization")).isEqualTo("Bearer sk.jwt.token");
    }

    @Test
    void mapsEachErrorStatusWithTheServerMessage() {
        server.respond("GET", TIMELINE_PATH, 404, "{\"msg\":\"timeline " + TIMELINE + " not found\"}")
                .respond("POST", "/v1/tenant/timeline", 409, "{\"msg\":\"timeline already exists\"}")
                .respond("DELETE", TIMELINE_PATH, 403, "{\"msg\":\"Forbidden: tenant mismatch\"}")
                .respond("DELETE", "/v1/tenant/" + TENANT, 500, "{\"msg\":\"Internal: io error\"}");
        var create = TimelineCreateRequest.of(TENANT, TIMELINE, List.of(), Fixtures.testServerVersion(), Lsn.INVALID);

        assertThatThrownBy(() -> client.timelineStatus(TENANT, TIMELINE))
                .isInstanceOf(NotFoundException.class).hasMessageEndingWith("HTTP 404: timeline " + TIMELINE + " not found");
        assertThatThrownBy(() -> client.createTimeline(create))
                .isInstanceOf(ConflictException.class).hasMessageEndingWith("HTTP 409: timeline already exists");
        assertThatThrownBy(() -> client.deleteTimeline(TENANT, TIMELINE))
                .isInstanceOf(UnauthorizedException.class).hasMessageEndingWith("HTTP 403: Forbidden: tenant mismatch");
        assertThatThrownBy(() -> client.deleteTenant(TENANT))
                .isInstanceOf(UnexpectedStatusException.class).hasMessageEndingWith("HTTP 500: Internal: io error");
    }

    @Test
    void aHangingServerTimesOut() {
        server.hang("GET", TIMELINE_PATH);
        var impatient = new SafekeeperClient(ApiClientSettings.of(server.baseUri())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(250)));

        assertThatThrownBy(() -> impatient.timelineStatus(TENANT, TIMELINE)).isInstanceOf(NeonApiTimeoutException.class);
    }

    @Test
    void garbageIsAMalformedResponse() {
        server.respondRaw("GET", "/v1/status", 200, "text/plain", "OK");
        server.respond("GET", TIMELINE_PATH, 200, "{\"tenant_id\":\"" + TENANT + "\",\"timeline_id\":\"" + TIMELINE
                + "\",\"commit_lsn\":\"0-16B5B28\"}");

        assertThatThrownBy(client::status).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("not a valid SafekeeperStatus");
        assertThatThrownBy(() -> client.timelineStatus(TENANT, TIMELINE)).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("invalid LSN \"0-16B5B28\"");
    }
}

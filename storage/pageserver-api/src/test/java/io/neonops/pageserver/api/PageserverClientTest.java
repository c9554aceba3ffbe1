package io.neonops.pageserver.api;

import static io.neonops.pageserver.api.Fixtures.ANCESTOR;
import static io.neonops.pageserver.api.Fixtures.TENANT;
import static io.neonops.pageserver.api.Fixtures.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.PgMajorVersion;
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
import io.neonops.storage.common.testing.OpenApiContract;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageserverClientTest {

    private static final OpenApiContract API = OpenApiContract.fromClasspath("/neon/pageserver-openapi.yml");
    private static final String TENANT_PATH = "/v1/tenant/" + TENANT;
    private static final String TIMELINE_PATH = TENANT_PATH + "/timeline/" + TIMELINE;

    private final FakeHttpServer server = FakeHttpServer.start();
    private final PageserverClient client = new PageserverClient(ApiClientSettings.of(server.baseUri()));

    @AfterEach
    void stopServer() {
        server.close();
    }


    private static void assertRequest(RecordedRequest request, String method, String path, String query, String body) {
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.path()).isEqualTo(path);
        assertThat(request.query()).isEqualTo(query);
        assertThat(request.body()).isEqualTo(body);
        assertThat(API.requestProblems(method, path, body.isEmpty() ? null : body)).isEmpty();
    }

    @Test
    void statusGetsTheNodeId() {
        server.respond("GET", "/v1/status", 200, "{\"id\":3}");

        assertThat(client.status()).isEqualTo(new PageserverStatus(NodeId.of(3)));
        assertRequest(server.onlyRequest(), "GET", "/v1/status", "", "");
    }

    @Test
    void listsTenants() {
        var tenant = new TenantInfo(TENANT, TenantState.active(false), Optional.empty(), Optional.of(false));
        server.respond("GET", "/v1/tenant", 200, JsonText.write(List.of(tenant)));

        assertThat(client.listTenants()).containsExactly(tenant);
        assertRequest(server.onlyRequest(), "GET", "/v1/tenant", "", "");
    }

    @Test
    void createsATenantWithTheGivenId() {
        server.respond("POST", "/v1/tenant", 201, "\"" + TENANT + "\"");

        assertThat(client.createTenant(TenantCreateRequest.withId(TENANT))).isEqualTo(TENANT);
        assertRequest(server.onlyRequest(), "POST", "/v1/tenant", "", "{\"new_tenant_id\":\"" + TENANT + "\"}");
        assertThat(server.onlyRequest().header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void createsATenantWithAGeneratedId() {
        server.respond("POST", "/v1/tenant", 201, "\"" + TENANT + "\"");

        assertThat(client.createTenant(TenantCreateRequest.generatedId())).isEqualTo(TENANT);
        assertRequest(server.onlyRequest(), "POST", "/v1/tenant", "", "{}");
    }

    @Test
    void getsOneTenant() {
        var tenant = new TenantInfo(TENANT, TenantState.named("Active"), Optional.of(1024L), Optional.of(true));
        server.respond("GET", TENANT_PATH, 200, JsonText.write(tenant));

        assertThat(client.tenant(TENANT)).isEqualTo(tenant);
        assertRequest(server.onlyRequest(), "GET", TENANT_PATH, "", "");
    }

    @Test
    void updatesTenantConfig() {
        server.respond("PUT", "/v1/tenant/config", 200, "null");

        client.updateTenantConfig(TenantConfigRequest.forTenant(TENANT).withGcPeriod("1h"));

        RecordedRequest request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.path()).isEqualTo("/v1/tenant/config");
        assertThat(request.body()).startsWith("{\"tenant_id\":[222,32,").endsWith("\"gc_period\":\"1h\"}");
    }

    @Test
    void listsTimelinesWithoutOrWithNonIncrementalSizes() {
        server.respond("GET", TENANT_PATH + "/timeline", 200, JsonText.write(List.of(Fixtures.fullTimeline())));

        assertThat(client.listTimelines(TENANT, TimelineSizes.INCREMENTAL_ONLY)).containsExactly(Fixtures.fullTimeline());
        client.listTimelines(TENANT, TimelineSizes.WITH_ALL_NON_INCREMENTAL);

        assertRequest(server.requests().get(0), "GET", TENANT_PATH + "/timeline", "", "");
        assertRequest(server.requests().get(1), "GET", TENANT_PATH + "/timeline",
                "include-non-incremental-logical-size=true&include-non-incremental-physical-size=true", "");
    }

    @Test
    void createsATimelineWithThePostgresVersion() {
        PgMajorVersion pg = PgMajorVersion.defaultForTests();
        server.respond("POST", TENANT_PATH + "/timeline", 201, JsonText.write(Fixtures.minimalTimeline()));

        TimelineInfo created = client.createTimeline(TENANT, TimelineCreateRequest.root(Optional.of(TIMELINE), pg));

        assertThat(created).isEqualTo(Fixtures.minimalTimeline());
        assertRequest(server.onlyRequest(), "POST", TENANT_PATH + "/timeline", "",
                "{\"new_timeline_id\":\"" + TIMELINE + "\",\"pg_version\":" + pg.major() + "}");
    }

    @Test
    void createsABranch() {
        server.respond("POST", TENANT_PATH + "/timeline", 201, JsonText.write(Fixtures.fullTimeline()));

        client.createTimeline(TENANT, TimelineCreateRequest.branch(Optional.empty(), ANCESTOR,
                Optional.of(Lsn.parse("0/1696070"))));

        assertRequest(server.onlyRequest(), "POST", TENANT_PATH + "/timeline", "",
                "{\"ancestor_timeline_id\":\"" + ANCESTOR + "\",\"ancestor_start_lsn\":\"0/1696070\"}");
    }

    @Test
    void getsOneTimelineWithTheLogicalSizeComputedFromScratch() {
        server.respond("GET", TIMELINE_PATH, 200, JsonText.write(Fixtures.fullTimeline()));

        assertThat(client.timeline(TENANT, TIMELINE, TimelineSizes.WITH_NON_INCREMENTAL_LOGICAL)).isEqualTo(Fixtures.fullTimeline());
        assertRequest(server.onlyRequest(), "GET", TIMELINE_PATH, "include-non-incremental-logical-size=true", "");
    }

    @Test
    void deletesATimeline() {
        server.respond("DELETE", TIMELINE_PATH, 200, "null");

        client.deleteTimeline(TENANT, TIMELINE);

        assertRequest(server.onlyRequest(), "DELETE", TIMELINE_PATH, "", "");
    }

    @Test
    void sendsTheBearerTokenOnEveryCall() {
        server.respond("GET", "/v1/status", 200, "{\"id\":1}").respond("GET", "/v1/tenant", 200, "[]");
        var authed = new PageserverClient(ApiClientSettings.of(server.baseUri()).withBearerToken("eyJ.token.sig"));

        authed.status();
        authed.listTenants();

        assertThat(server.requests()).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer eyJ.token.sig", "Bearer eyJ.token.sig");
    }

    @Test
    void missingTenantIsNotFoundWithTheServerMessage() {
        server.respond("GET", TENANT_PATH, 404, "{\"msg\":\"NotFound: tenant " + TENANT + "\"}");

        assertThatThrownBy(() -> client.tenant(TENANT))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("GET " + server.baseUri() + TENANT_PATH + ": HTTP 404: NotFound: tenant " + TENANT);
    }

    @Test
    void existingTenantIsAConflict() {
        server.respond("POST", "/v1/tenant", 409, "{\"msg\":\"tenant " + TENANT + " already exists\"}");

        assertThatThrownBy(() -> client.createTenant(TenantCreateRequest.withId(TENANT)))
                .isInstanceOf(ConflictException.class)
                .hasMessageEndingWith("HTTP 409: tenant " + TENANT + " already exists");
    }

    @Test
    void existingTimelineIsAConflictEvenWithTheServersEmptyBody() {
        server.respond("POST", TENANT_PATH + "/timeline", 409, "null");

        assertThatThrownBy(() -> client.createTimeline(TENANT, TimelineCreateRequest.root(Optional.of(TIMELINE), PgMajorVersion.V15)))
                .isInstanceOf(ConflictException.class)
                .hasMessageEndingWith("HTTP 409");
    }

    @Test
    void badTokenIsUnauthorized() {
        server.respond("GET", "/v1/tenant", 401, "{\"msg\":\"Unauthorized: malformed jwt token\"}");

        assertThatThrownBy(client::listTenants)
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageEndingWith("HTTP 401: Unauthorized: malformed jwt token");
    }

    @Test
    void otherStatusesAreUnexpectedWithTheServerMessage() {
        server.respond("DELETE", TIMELINE_PATH, 500, "{\"msg\":\"Cannot delete timeline which has child timelines\"}");

        assertThatThrownBy(() -> client.deleteTimeline(TENANT, TIMELINE))
                .isInstanceOf(UnexpectedStatusException.class)
                .hasMessageEndingWith("HTTP 500: Cannot delete timeline which has child timelines")
                .satisfies(e -> assertThat(((UnexpectedStatusException) e).status()).isEqualTo(500));
    }

    @Test
    void aHangingServerTimesOut() {
        server.hang("GET", "/v1/tenant");
        var impatient = new PageserverClient(ApiClientSettings.of(server.baseUri())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(250)));

        assertThatThrownBy(impatient::listTenants).isInstanceOf(NeonApiTimeoutException.class);
    }

    @Test
    void garbageIsAMalformedResponse() {
        server.respondRaw("GET", TIMELINE_PATH, 200, "text/html", "<html>hello</html>");
        server.respond("GET", "/v1/tenant", 200, "[{\"id\":\"nothex\",\"state\":\"Active\"}]");

        assertThatThrownBy(() -> client.timeline(TENANT, TIMELINE, TimelineSizes.INCREMENTAL_ONLY))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("not a valid TimelineInfo");
        assertThatThrownBy(client::listTenants)
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("invalid tenant id \"nothex\"");
    }
}

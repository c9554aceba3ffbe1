package io.neonops.pageserver.api;

import static io.neonops.pageserver.api.Fixtures.ANCESTOR;
import static io.neonops.pageserver.api.Fixtures.TENANT;
import static io.neonops.pageserver.api.Fixtures.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.testing.JsonText;
import io.neonops.storage.common.testing.OpenApiContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every model round-trips through the shared mapper and its JSON satisfies the pageserver's OpenAPI file. */
class PageserverModelsContractTest {

    private static final OpenApiContract API = OpenApiContract.fromClasspath("/neon/pageserver-openapi.yml");
    private static final String TENANT_PATH = "/v1/tenant/" + TENANT;
    private static final String TIMELINE_PATH = TENANT_PATH + "/timeline/" + TIMELINE;



    @Test
    void statusRoundTripsAndMatchesTheSchema() {
        var status = new PageserverStatus(NodeId.of(1));

        assertThat(JsonText.write(status)).isEqualTo("{\"id\":1}");
        assertThat(JsonText.read(JsonText.write(status), PageserverStatus.class)).isEqualTo(status);
        assertThat(API.responseProblems("GET", "/v1/status", 200, JsonText.write(status))).isEmpty();
    }

    @Test
    void timelineWithEveryFieldRoundTripsAndMatchesTheSchema() {
        var timeline = Fixtures.fullTimeline();

        assertThat(JsonText.read(JsonText.write(timeline), TimelineInfo.class)).isEqualTo(timeline);
        assertThat(API.responseProblems("GET", TIMELINE_PATH, 200, JsonText.write(timeline))).isEmpty();
        assertThat(API.responseProblems("POST", TENANT_PATH + "/timeline", 201, JsonText.write(timeline))).isEmpty();
    }

    @Test
    void timelineWithOnlyRequiredFieldsRoundTripsAndMatchesTheSchema() {
        var timeline = Fixtures.minimalTimeline();

        assertThat(JsonText.read(JsonText.write(timeline), TimelineInfo.class)).isEqualTo(timeline);
        assertThat(API.responseProblems("GET", TIMELINE_PATH, 200, JsonText.write(timeline))).isEmpty();
    }

    @Test
    void timelineListMatchesTheSchema() {
        var timelines = List.of(Fixtures.minimalTimeline(), Fixtures.fullTimeline());
        String json = JsonText.write(timelines);

        assertThat(JsonText.read(json, new TypeReference<List<TimelineInfo>>() { }))
                .isEqualTo(timelines);
        assertThat(API.responseProblems("GET", TENANT_PATH + "/timeline", 200, json)).isEmpty();
    }

    @Test
    void timelineWritesTheDeprecatedViewsDuplicatingTheMergedFields() {
        var tree = JsonText.tree(JsonText.write(Fixtures.fullTimeline()));

        assertThat(tree.get("local").toString()).isEqualTo("{\"ancestor_timeline_id\":\"" + ANCESTOR
                + "\",\"ancestor_lsn\":\"0/1696070\",\"current_logical_size\":30000000,\"current_physical_size\":40000000}");
        assertThat(tree.get("remote").toString()).isEqualTo("{\"remote_consistent_lsn\":\"1/16B0000\"}");
        assertThat(tree.get("remote_consistent_lsn").asText()).isEqualTo("1/16B0000");
        assertThat(tree.get("awaits_download").asBoolean()).isTrue();
    }

    @Test
    void timelineNotInRemoteStorageHasNoRemoteViewAndAwaitsNoDownload() {
        var tree = JsonText.tree(JsonText.write(Fixtures.minimalTimeline()));

        assertThat(tree.has("remote")).isFalse();
        assertThat(tree.get("local").toString()).isEqualTo("{}");
        assertThat(tree.get("awaits_download").asBoolean()).isFalse();
    }

    @Test
    void tenantsInEveryStateShapeRoundTripAndMatchTheSchema() {
        var tenants = List.of(
                new TenantInfo(TENANT, TenantState.active(true), Optional.of(123_456L), Optional.of(false)),
                new TenantInfo(TenantId.random(), TenantState.named("Paused"), Optional.empty(), Optional.empty()),
                new TenantInfo(TenantId.random(), new TenantState("Broken", Optional.empty(), Optional.of("disk full")),
                        Optional.empty(), Optional.of(true)));
        String json = JsonText.write(tenants);

        assertThat(JsonText.read(json, new TypeReference<List<TenantInfo>>() { }))
                .isEqualTo(tenants);
        assertThat(API.responseProblems("GET", "/v1/tenant", 200, json)).isEmpty();
        assertThat(API.responseProblems("GET", TENANT_PATH, 200, JsonText.write(tenants.get(0)))).isEmpty();
    }

    @Test
    void tenantCreateRequestAndResponseMatchTheSchema() {
        var withId = TenantCreateRequest.withId(TENANT);

        assertThat(JsonText.write(withId)).isEqualTo("{\"new_tenant_id\":\"" + TENANT + "\"}");
        assertThat(JsonText.write(TenantCreateRequest.generatedId())).isEqualTo("{}");
        assertThat(JsonText.read(JsonText.write(withId), TenantCreateRequest.class)).isEqualTo(withId);
        assertThat(API.requestProblems("POST", "/v1/tenant", JsonText.write(withId))).isEmpty();
        assertThat(API.requestProblems("POST", "/v1/tenant", JsonText.write(TenantCreateRequest.generatedId()))).isEmpty();
        assertThat(API.responseProblems("POST", "/v1/tenant", 201, JsonText.write(TENANT))).isEmpty();
    }

    @Test
    void timelineCreateRequestsRoundTripAndMatchTheSchema() {
        var root = TimelineCreateRequest.root(Optional.of(TIMELINE), PgMajorVersion.defaultForTests());
        var branch = TimelineCreateRequest.branch(Optional.empty(), ANCESTOR, Optional.of(Lsn.parse("0/16B5A50")));

        assertThat(JsonText.write(root)).isEqualTo("{\"new_timeline_id\":\"" + TIMELINE + "\",\"pg_version\":"
                + PgMajorVersion.defaultForTests().major() + "}");
        assertThat(JsonText.write(branch)).isEqualTo("{\"ancestor_timeline_id\":\"" + ANCESTOR
                + "\",\"ancestor_start_lsn\":\"0/16B5A50\"}");
        for (var request : List.of(root, branch)) {
            assertThat(JsonText.read(JsonText.write(request), TimelineCreateRequest.class)).isEqualTo(request);
            assertThat(API.requestProblems("POST", TENANT_PATH + "/timeline", JsonText.write(request))).isEmpty();
        }
    }

    @Test
    void errorBodiesMatchTheSchema() {
        assertThat(API.responseProblems("GET", TENANT_PATH, 500, "{\"msg\":\"tenant not found\"}")).isEmpty();
        assertThat(API.responseProblems("POST", "/v1/tenant", 409, "{\"msg\":\"exists\"}")).isEmpty();
    }

    @Test
    void theContractCheckCatchesAWrongBody() {
        assertThat(API.responseProblems("GET", TIMELINE_PATH, 200, "{\"timeline_id\":\"" + TIMELINE + "\"}"))
                .anyMatch(p -> p.contains("last_record_lsn"));
        assertThat(API.requestProblems("POST", TENANT_PATH + "/timeline", "{\"pg_version\":\"fifteen\"}")).isNotEmpty();
    }

    @Test
    void theContractCheckCatchesAPathTheFileDoesNotDescribe() {
        assertThat(API.requestProblems("POST", "/v1/tenants", "{}")).isNotEmpty();
    }
}

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
import io.neonops.storage.common.api.NeonJson;
import io.neonops.storage.common.testing.OpenApiContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every model round-trips through the shared mapper and its JSON satisfies the pageserver's OpenAPI file. */
class PageserverModelsContractTest {

    private static final OpenApiContract API = OpenApiContract.fromClasspath("/neon/pageserver-openapi.yml");
    private static final String TENANT_PATH = "/v1/tenant/" + TENANT;
    private static final String TIMELINE_PATH = TENANT_PATH + "/timeline/" + TIMELINE;

    private static String json(Object value) throws Exception {
        return NeonJson.writer().writeValueAsString(value);
    }

    private static <T> T read(String json, Class<T> type) throws Exception {
        return NeonJson.reader().forType(type).readValue(json);
    }

    @Test
    void statusRoundTripsAndMatchesTheSchema() throws Exception {
        var status = new PageserverStatus(NodeId.of(1));

        assertThat(json(status)).isEqualTo("{\"id\":1}");
        assertThat(read(json(status), PageserverStatus.class)).isEqualTo(status);
        assertThat(API.responseProblems("GET", "/v1/status", 200, json(status))).isEmpty();
    }

    @Test
    void timelineWithEveryFieldRoundTripsAndMatchesTheSchema() throws Exception {
        var timeline = Fixtures.fullTimeline();

        assertThat(read(json(timeline), TimelineInfo.class)).isEqualTo(timeline);
        assertThat(API.responseProblems("GET", TIMELINE_PATH, 200, json(timeline))).isEmpty();
        assertThat(API.responseProblems("POST", TENANT_PATH + "/timeline", 201, json(timeline))).isEmpty();
    }

    @Test
    void timelineWithOnlyRequiredFieldsRoundTripsAndMatchesTheSchema() throws Exception {
        var timeline = Fixtures.minimalTimeline();

        assertThat(read(json(timeline), TimelineInfo.class)).isEqualTo(timeline);
        assertThat(API.responseProblems("GET", TIMELINE_PATH, 200, json(timeline))).isEmpty();
    }

    @Test
    void timelineListMatchesTheSchema() throws Exception {
        var timelines = List.of(Fixtures.minimalTimeline(), Fixtures.fullTimeline());
        String json = json(timelines);

        assertThat(NeonJson.reader().forType(new TypeReference<List<TimelineInfo>>() { }).<List<TimelineInfo>>readValue(json))
                .isEqualTo(timelines);
        assertThat(API.responseProblems("GET", TENANT_PATH + "/timeline", 200, json)).isEmpty();
    }

    @Test
    void timelineWritesTheDeprecatedViewsDuplicatingTheMergedFields() throws Exception {
        var tree = NeonJson.reader().readTree(json(Fixtures.fullTimeline()));

        assertThat(tree.get("local").toString()).isEqualTo("{\"ancestor_timeline_id\":\"" + ANCESTOR
                + "\",\"ancestor_lsn\":\"0/1696070\",\"current_logical_size\":30000000,\"current_physical_size\":40000000}");
        assertThat(tree.get("remote").toString()).isEqualTo("{\"remote_consistent_lsn\":\"1/16B0000\"}");
        assertThat(tree.get("remote_consistent_lsn").asText()).isEqualTo("1/16B0000");
        assertThat(tree.get("awaits_download").asBoolean()).isTrue();
    }

    @Test
    void timelineNotInRemoteStorageHasNoRemoteViewAndAwaitsNoDownload() throws Exception {
        var tree = NeonJson.reader().readTree(json(Fixtures.minimalTimeline()));

        assertThat(tree.has("remote")).isFalse();
        assertThat(tree.get("local").toString()).isEqualTo("{}");
        assertThat(tree.get("awaits_download").asBoolean()).isFalse();
    }

    @Test
    void tenantsInEveryStateShapeRoundTripAndMatchTheSchema() throws Exception {
        var tenants = List.of(
                new TenantInfo(TENANT, TenantState.active(true), Optional.of(123_456L), Optional.of(false)),
                new TenantInfo(TenantId.random(), TenantState.named("Paused"), Optional.empty(), Optional.empty()),
                new TenantInfo(TenantId.random(), new TenantState("Broken", Optional.empty(), Optional.of("disk full")),
                        Optional.empty(), Optional.of(true)));
        String json = json(tenants);

        assertThat(NeonJson.reader().forType(new TypeReference<List<TenantInfo>>() { }).<List<TenantInfo>>readValue(json))
                .isEqualTo(tenants);
        assertThat(API.responseProblems("GET", "/v1/tenant", 200, json)).isEmpty();
        assertThat(API.responseProblems("GET", TENANT_PATH, 200, json(tenants.get(0)))).isEmpty();
    }

    @Test
    void tenantCreateRequestAndResponseMatchTheSchema() throws Exception {
        var withId = TenantCreateRequest.withId(TENANT);

        assertThat(json(withId)).isEqualTo("{\"new_tenant_id\":\"" + TENANT + "\"}");
        assertThat(json(TenantCreateRequest.generatedId())).isEqualTo("{}");
        assertThat(read(json(withId), TenantCreateRequest.class)).isEqualTo(withId);
        assertThat(API.requestProblems("POST", "/v1/tenant", json(withId))).isEmpty();
        assertThat(API.requestProblems("POST", "/v1/tenant", json(TenantCreateRequest.generatedId()))).isEmpty();
        assertThat(API.responseProblems("POST", "/v1/tenant", 201, json(TENANT))).isEmpty();
    }

    @Test
    void timelineCreateRequestsRoundTripAndMatchTheSchema() throws Exception {
        var root = TimelineCreateRequest.root(Optional.of(TIMELINE), PgMajorVersion.defaultForTests());
        var branch = TimelineCreateRequest.branch(Optional.empty(), ANCESTOR, Optional.of(Lsn.parse("0/16B5A50")),
                PgMajorVersion.V15);

        assertThat(json(root)).isEqualTo("{\"new_timeline_id\":\"" + TIMELINE + "\",\"pg_version\":"
                + PgMajorVersion.defaultForTests().major() + "}");
        assertThat(json(branch)).isEqualTo("{\"ancestor_timeline_id\":\"" + ANCESTOR
                + "\",\"ancestor_start_lsn\":\"0/16B5A50\",\"pg_version\":15}");
        for (var request : List.of(root, branch)) {
            assertThat(read(json(request), TimelineCreateRequest.class)).isEqualTo(request);
            assertThat(API.requestProblems("POST", TENANT_PATH + "/timeline", json(request))).isEmpty();
        }
    }

    @Test
    void errorBodiesMatchTheSchema() throws Exception {
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

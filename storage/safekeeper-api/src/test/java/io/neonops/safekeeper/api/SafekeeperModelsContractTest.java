package io.neonops.safekeeper.api;

import static io.neonops.safekeeper.api.Fixtures.TENANT;
import static io.neonops.safekeeper.api.Fixtures.TIMELINE;
import static io.neonops.safekeeper.api.Fixtures.TIMELINE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.TimelineId;
import io.neonops.storage.common.testing.JsonText;
import io.neonops.storage.common.testing.OpenApiContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every model round-trips through the shared mapper and its JSON satisfies the safekeeper's OpenAPI file. */
class SafekeeperModelsContractTest {

    private static final OpenApiContract API = OpenApiContract.fromClasspath("/neon/safekeeper-openapi.yaml");



    @Test
    void statusRoundTripsAndMatchesTheSchema() {
        var status = new SafekeeperStatus(NodeId.of(2));

        assertThat(JsonText.write(status)).isEqualTo("{\"id\":2}");
        assertThat(JsonText.read(JsonText.write(status), SafekeeperStatus.class)).isEqualTo(status);
        assertThat(API.responseProblems("GET", "/v1/status", 200, JsonText.write(status))).isEmpty();
    }

    @Test
    void timelineStatusRoundTripsAndMatchesTheSchema() {
        var status = Fixtures.timelineStatus();

        assertThat(JsonText.read(JsonText.write(status), TimelineStatus.class)).isEqualTo(status);
        assertThat(API.responseProblems("GET", TIMELINE_PATH, 200, JsonText.write(status))).isEmpty();
    }

    @Test
    void timelineStatusCarriesTheFullServerVersionInPgInfo() {
        var tree = JsonText.tree(JsonText.write(Fixtures.timelineStatus()));

        assertThat(tree.at("/pg_info/pg_version").intValue()).isEqualTo(Fixtures.testServerVersion().versionNum());
        assertThat(tree.at("/acceptor_state/term_history/1/lsn").textValue()).isEqualTo("0/2A3B4C8");
    }

    @Test
    void timelineStatusWithOnlyTheIdsRoundTripsAndMatchesTheSchema() {
        var status = new TimelineStatus(TENANT, TIMELINE, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(JsonText.read(JsonText.write(status), TimelineStatus.class)).isEqualTo(status);
        assertThat(API.responseProblems("GET", TIMELINE_PATH, 200, JsonText.write(status))).isEmpty();
    }

    @Test
    void timelineCreateRequestRoundTripsAndSatisfiesTheFilesRequestSchema() {
        var request = TimelineCreateRequest.of(TENANT, TIMELINE, List.of(NodeId.of(1), NodeId.of(2), NodeId.of(3)),
                Fixtures.testServerVersion(), Lsn.parse("0/16B5A50"));

        assertThat(JsonText.write(request)).isEqualTo("{\"tenant_id\":\"" + TENANT + "\",\"timeline_id\":\"" + TIMELINE
                + "\",\"peer_ids\":[1,2,3],\"pg_version\":" + Fixtures.testServerVersion() + ",\"commit_lsn\":\"0/16B5A50\"}");
        assertThat(JsonText.read(JsonText.write(request), TimelineCreateRequest.class)).isEqualTo(request);
        // the file describes the body under the path it names; the client posts it where the server routes it
        assertThat(API.requestProblems("POST", "/v1/tenant/" + TENANT + "/timeline", JsonText.write(request))).isEmpty();
    }

    @Test
    void timelineCreateRequestWithSystemIdAndSegmentSizeRoundTrips() {
        var request = new TimelineCreateRequest(TENANT, TIMELINE, List.of(NodeId.of(1)), Fixtures.testServerVersion(),
                Optional.of(7_155_446_321_234_567_890L), Optional.of(16 * 1024 * 1024), Lsn.parse("0/16B5A50"));

        assertThat(JsonText.read(JsonText.write(request), TimelineCreateRequest.class)).isEqualTo(request);
    }

    @Test
    void deleteResultsRoundTripAndMatchTheSchema() {
        var result = new TimelineDeleteResult(true, false);
        Map<TimelineId, TimelineDeleteResult> tenantResult = Map.of(TIMELINE, result);

        assertThat(JsonText.write(result)).isEqualTo("{\"dir_existed\":true,\"was_active\":false}");
        assertThat(JsonText.read(JsonText.write(result), TimelineDeleteResult.class)).isEqualTo(result);
        assertThat(API.responseProblems("DELETE", TIMELINE_PATH, 200, JsonText.write(result))).isEmpty();
        assertThat(JsonText.read(JsonText.write(tenantResult), new TypeReference<Map<TimelineId, TimelineDeleteResult>>() { }))
                .isEqualTo(tenantResult);
        assertThat(API.responseProblems("DELETE", "/v1/tenant/" + TENANT, 200, JsonText.write(tenantResult))).isEmpty();
    }

    @Test
    void theContractCheckCatchesAWrongBody() {
        assertThat(API.responseProblems("GET", TIMELINE_PATH, 200, "{\"tenant_id\":\"" + TENANT + "\"}"))
                .anyMatch(p -> p.contains("timeline_id"));
        assertThat(API.responseProblems("GET", "/v1/status", 200, "{\"id\":-1}")).isNotEmpty();
    }
}

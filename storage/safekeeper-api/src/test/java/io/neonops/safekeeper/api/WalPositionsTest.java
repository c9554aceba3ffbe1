package io.neonops.safekeeper.api;

import static io.neonops.safekeeper.api.Fixtures.TENANT;
import static io.neonops.safekeeper.api.Fixtures.TIMELINE;
import static io.neonops.safekeeper.api.Fixtures.TIMELINE_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.MalformedResponseException;
import io.neonops.storage.common.testing.FakeHttpServer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reading how far a safekeeper holds each timeline, from both generations of its API. */
class WalPositionsTest {

    private static final TenantTimelineId ID = new TenantTimelineId(TENANT, TIMELINE);
    private static final TenantTimelineId OTHER = TenantTimelineId.of("00112233445566778899aabbccddeeff",
            "ffeeddccbbaa99887766554433221100");

    private final FakeHttpServer server = FakeHttpServer.start();
    private final SafekeeperClient client = new SafekeeperClient(ApiClientSettings.of(server.baseUri()));

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Two samples as a 2022 safekeeper's collector writes them. */
    private static String gauges(TenantTimelineId id, String flush, String commit) {
        String labels = "{tenant_id=\"" + id.tenantId() + "\",timeline_id=\"" + id.timelineId() + "\"}";
        return "# HELP safekeeper_flush_lsn Current flush_lsn, grouped by timeline\n"
                + "# TYPE safekeeper_flush_lsn gauge\n"
                + "safekeeper_flush_lsn" + labels + " " + flush + "\n"
                + "# TYPE safekeeper_commit_lsn gauge\n"
                + "safekeeper_commit_lsn" + labels + " " + commit + "\n";
    }

    @Test
    void metricsGiveEachTimelinesFlushAndCommitPositionsInTimelineOrder() {
        String page = "# TYPE safekeeper_write_wal_bytes histogram\nsafekeeper_write_wal_bytes_sum 5\n"
                + gauges(ID, "23878528", "23878400") + gauges(OTHER, "2.3878528e+07", "1.6e7")
                + "safekeeper_backup_lsn{tenant_id=\"" + TENANT + "\",timeline_id=\"" + TIMELINE + "\"} 0\n";

        List<TimelineWal> timelines = TimelineWalMetrics.parse(page);

        assertThat(timelines).containsExactly(
                TimelineWal.of(OTHER, new Lsn(23_878_528), new Lsn(16_000_000)),
                TimelineWal.of(ID, new Lsn(23_878_528), new Lsn(23_878_400)));
    }

    @Test
    void metricsWithoutTimelinesGiveNone() {
        assertThat(TimelineWalMetrics.parse("# TYPE safekeeper_flush_lsn gauge\nprocess_cpu_seconds_total 1.5\n")).isEmpty();
    }

    @Test
    void metricsReadLabelsInAnyOrderWithEscapesAndATimestamp() {
        String page = "safekeeper_flush_lsn{timeline_id=\"" + TIMELINE + "\", tenant_id=\"" + TENANT
                + "\",note=\"a \\\"}\\\" b\"} 100 1700000000000\n"
                + "safekeeper_commit_lsn{tenant_id=\"" + TENANT + "\",timeline_id=\"" + TIMELINE + "\"} 90\n";

        assertThat(TimelineWalMetrics.parse(page)).containsExactly(TimelineWal.of(ID, new Lsn(100), new Lsn(90)));
    }

    @Test
    void metricsRefuseATimelineWithOnlyOneOfTheGauges() {
        String page = "safekeeper_flush_lsn{tenant_id=\"" + TENANT + "\",timeline_id=\"" + TIMELINE + "\"} 100\n";

        assertThatThrownBy(() -> TimelineWalMetrics.parse(page))
                .hasMessageContaining("timeline " + ID + " has safekeeper_flush_lsn but no safekeeper_commit_lsn");
    }

    @Test
    void metricsRefuseAValueThatIsNoLsnNamingTheLine() {
        assertThatThrownBy(() -> TimelineWalMetrics.parse(gauges(ID, "NaN", "1")))
                .hasMessageContaining("line 3").hasMessageContaining("\"NaN\" is not a whole number of bytes");
        assertThatThrownBy(() -> TimelineWalMetrics.parse(gauges(ID, "-5", "1")))
                .hasMessageContaining("is not an LSN");
        assertThatThrownBy(() -> TimelineWalMetrics.parse(gauges(ID, "1.5", "1")))
                .hasMessageContaining("not a whole number");
    }

    @Test
    void metricsSourceReadsThePageWithoutAToken() {
        server.respondRaw("GET", "/metrics", 200, "text/plain; version=0.0.4", gauges(ID, "200", "150"));

        assertThat(WalPositionSource.METRICS.read(client)).containsExactly(TimelineWal.of(ID, new Lsn(200), new Lsn(150)));
        assertThat(WalPositionSource.METRICS.needsToken()).isFalse();
        assertThat(server.onlyRequest().header("Accept")).isEqualTo("text/plain");
    }

    @Test
    void aMalformedMetricsPageIsAMalformedResponseNamingTheEndpoint() {
        server.respondRaw("GET", "/metrics", 200, "text/plain", "safekeeper_flush_lsn{tenant_id=\"" + TENANT + "\" 1\n");

        assertThatThrownBy(client::timelineWalFromMetrics).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("GET " + server.baseUri() + "/metrics")
                .hasMessageContaining("not valid Prometheus text");
    }

    @Test
    void listsTimelines() {
        server.respond("GET", "/v1/tenant/timeline", 200, "[{\"tenant_id\":\"" + TENANT + "\",\"timeline_id\":\""
                + TIMELINE + "\"}]");

        assertThat(client.listTimelines()).containsExactly(ID);
    }

    @Test
    void timelineStatusSourceReadsEachListedTimelineWithItsVoters() {
        server.respond("GET", "/v1/tenant/timeline", 200, "[{\"tenant_id\":\"" + TENANT + "\",\"timeline_id\":\""
                + TIMELINE + "\"},{\"tenant_id\":\"" + OTHER.tenantId() + "\",\"timeline_id\":\"" + OTHER.timelineId() + "\"}]");
        server.respond("GET", TIMELINE_PATH, 200, "{\"tenant_id\":\"" + TENANT + "\",\"timeline_id\":\"" + TIMELINE
                + "\",\"mconf\":{\"generation\":4,\"members\":[{\"id\":1,\"host\":\"sk-1\",\"pg_port\":5454},"
                + "{\"id\":2,\"host\":\"sk-2\",\"pg_port\":5454}],\"new_members\":[{\"id\":2,\"host\":\"sk-2\","
                + "\"pg_port\":5454},{\"id\":3,\"host\":\"sk-3\",\"pg_port\":5454}]},"
                + "\"flush_lsn\":\"0/16B9188\",\"commit_lsn\":\"0/16B5A50\"}");
        // deleted between the listing and the status: left out
        server.respond("GET", "/v1/tenant/" + OTHER.tenantId() + "/timeline/" + OTHER.timelineId(), 404,
                "{\"msg\":\"timeline not found\"}");

        assertThat(WalPositionSource.TIMELINE_STATUS.read(client)).containsExactly(new TimelineWal(ID,
                Lsn.parse("0/16B9188"), Lsn.parse("0/16B5A50"),
                List.of(Set.of(NodeId.of(1), NodeId.of(2)), Set.of(NodeId.of(2), NodeId.of(3)))));
        assertThat(WalPositionSource.TIMELINE_STATUS.needsToken()).isTrue();
    }

    @Test
    void aTimelineWithoutMembersHasTheClustersSafekeepers() {
        server.respond("GET", "/v1/tenant/timeline", 200, "[{\"tenant_id\":\"" + TENANT + "\",\"timeline_id\":\""
                + TIMELINE + "\"}]");
        server.respond("GET", TIMELINE_PATH, 200, "{\"tenant_id\":\"" + TENANT + "\",\"timeline_id\":\"" + TIMELINE
                + "\",\"mconf\":{\"generation\":0,\"members\":[],\"new_members\":null},"
                + "\"flush_lsn\":\"0/10\",\"commit_lsn\":\"0/10\"}");

        assertThat(WalPositionSource.TIMELINE_STATUS.read(client))
                .containsExactly(TimelineWal.of(ID, Lsn.parse("0/10"), Lsn.parse("0/10")));
    }

    @Test
    void aStatusWithoutPositionsIsAMalformedResponse() {
        server.respond("GET", "/v1/tenant/timeline", 200, "[{\"tenant_id\":\"" + TENANT + "\",\"timeline_id\":\""
                + TIMELINE + "\"}]");
        server.respond("GET", TIMELINE_PATH, 200, "{\"tenant_id\":\"" + TENANT + "\",\"timeline_id\":\"" + TIMELINE
                + "\",\"flush_lsn\":\"0/10\"}");

        assertThatThrownBy(() -> WalPositionSource.TIMELINE_STATUS.read(client))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining(TIMELINE_PATH).hasMessageContaining("no commit_lsn");
    }
}

package io.neonops.pageserver.api;

import static io.neonops.pageserver.api.Fixtures.ANCESTOR;
import static io.neonops.pageserver.api.Fixtures.TENANT;
import static io.neonops.pageserver.api.Fixtures.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.testing.JsonText;
import io.neonops.storage.common.testing.OpenApiContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Responses as real pageservers of several releases write them, including where they differ from
 * the OpenAPI file (see SOURCE.md next to it): the readers accept them all.
 */
class PageserverServerQuirksTest {

    private static final OpenApiContract API = OpenApiContract.fromClasspath("/neon/pageserver-openapi.yml");
    private static final String TIMELINE_PATH = "/v1/tenant/" + TENANT + "/timeline/" + TIMELINE;

    /** October 2022, right after the merge: every option present, as null when empty. */
    private static final String MERGED_WITH_NULLS = """
            {
              "tenant_id": "de200bd42b49cc1814412c7e592dd6e9",
              "timeline_id": "1f2e3d4c5b6a79880123456789abcdef",
              "ancestor_timeline_id": null,
              "ancestor_lsn": null,
              "last_record_lsn": "0/16B5A50",
              "prev_record_lsn": "0/16B5A18",
              "latest_gc_cutoff_lsn": "0/16B5A50",
              "disk_consistent_lsn": "0/16B5A50",
              "current_logical_size": 22380544,
              "current_physical_size": 22396928,
              "current_logical_size_non_incremental": null,
              "current_physical_size_non_incremental": null,
              "wal_source_connstr": null,
              "last_received_msg_lsn": null,
              "last_received_msg_ts": null,
              "pg_version": 14,
              "remote_consistent_lsn": null,
              "awaits_download": false,
              "local": {"ancestor_timeline_id": null, "ancestor_lsn": null,
                        "current_logical_size": 22380544, "current_physical_size": 22396928},
              "remote": {"remote_consistent_lsn": null}
            }""";

    /** September 2022, before the merge: the fields live in "local" and "remote". */
    private static final String BEFORE_MERGE = """
            {
              "tenant_id": "de200bd42b49cc1814412c7e592dd6e9",
              "timeline_id": "1f2e3d4c5b6a79880123456789abcdef",
              "local": {
                "ancestor_timeline_id": "00112233445566778899aabbccddeeff",
                "ancestor_lsn": "0/1696070",
                "last_record_lsn": "0/16B5A50",
                "prev_record_lsn": "0/16B5A18",
                "latest_gc_cutoff_lsn": "0/1696070",
                "disk_consistent_lsn": "0/16B5A00",
                "current_logical_size": 22380544,
                "current_physical_size": 22396928,
                "current_logical_size_non_incremental": null,
                "current_physical_size_non_incremental": null,
                "wal_source_connstr": "host=127.0.0.1 port=5454",
                "last_received_msg_lsn": "0/16B5A50",
                "last_received_msg_ts": 1663000000000000,
                "pg_version": 14,
                "timeline_state": "Loaded"
              },
              "remote": {"remote_consistent_lsn": "0/16B0000", "awaits_download": true}
            }""";

    /** 2023 and later: no awaits_download, no local/remote, new fields. */
    private static final String LATER_RELEASE = """
            {
              "tenant_id": "de200bd42b49cc1814412c7e592dd6e9",
              "timeline_id": "1f2e3d4c5b6a79880123456789abcdef",
              "ancestor_timeline_id": null,
              "ancestor_lsn": null,
              "last_record_lsn": "0/2A3B4C8",
              "prev_record_lsn": "0/2A3B490",
              "latest_gc_cutoff_lsn": "0/14EE150",
              "disk_consistent_lsn": "0/2A3B4C8",
              "remote_consistent_lsn": "0/2A3B4C8",
              "current_logical_size": 30351360,
              "current_physical_size": 30556160,
              "current_logical_size_non_incremental": null,
              "timeline_dir_layer_file_size_sum": null,
              "wal_source_connstr": "PgConnectionConfig { host: Domain(\\"127.0.0.1\\"), port: 5454 }",
              "last_received_msg_lsn": "0/2A3B4C8",
              "last_received_msg_ts": 1700000000123456,
              "pg_version": 16,
              "state": "Active",
              "walreceiver_status": "Connected"
            }""";

    private static TimelineInfo readTimeline(String json) {
        return JsonText.read(json, TimelineInfo.class);
    }

    @Test
    void readsNullOptionsOfTheMergedShape() {
        TimelineInfo timeline = readTimeline(MERGED_WITH_NULLS);

        assertThat(timeline.lastRecordLsn()).isEqualTo(Lsn.parse("0/16B5A50"));
        assertThat(timeline.ancestorTimelineId()).isEmpty();
        assertThat(timeline.remoteConsistentLsn()).isEmpty();
        assertThat(timeline.walSourceConnstr()).isEmpty();
        assertThat(timeline.currentLogicalSize()).contains(22380544L);
        assertThat(timeline.pgVersion()).contains(14);
        assertThat(timeline.awaitsDownload()).isFalse();
    }

    @Test
    void nullOptionsBreakTheOpenApiFileSoTheWriterOmitsThem() {
        assertThat(API.responseProblems("GET", TIMELINE_PATH, 200, MERGED_WITH_NULLS))
                .anyMatch(p -> p.contains("null"));

        String rewritten = JsonText.write(readTimeline(MERGED_WITH_NULLS));

        assertThat(rewritten).doesNotContain("null");
        assertThat(API.responseProblems("GET", TIMELINE_PATH, 200, rewritten)).isEmpty();
    }

    @Test
    void readsTheShapeBeforeTheMergeIntoTheMergedFields() {
        TimelineInfo timeline = readTimeline(BEFORE_MERGE);

        assertThat(timeline.ancestorTimelineId()).contains(ANCESTOR);
        assertThat(timeline.ancestorLsn()).contains(Lsn.parse("0/1696070"));
        assertThat(timeline.lastRecordLsn()).isEqualTo(Lsn.parse("0/16B5A50"));
        assertThat(timeline.diskConsistentLsn()).isEqualTo(Lsn.parse("0/16B5A00"));
        assertThat(timeline.remoteConsistentLsn()).contains(Lsn.parse("0/16B0000"));
        assertThat(timeline.awaitsDownload()).isTrue();
        assertThat(timeline.lastReceivedMsgTs()).contains(1663000000000000L);
        assertThat(timeline.pgVersion()).contains(14);
    }

    @Test
    void deprecatedViewsOfAnOldResponseDuplicateTheMergedFields() {
        TimelineInfo timeline = readTimeline(BEFORE_MERGE);

        @SuppressWarnings("deprecation")
        var local = timeline.local();
        @SuppressWarnings("deprecation")
        var remote = timeline.remote();

        assertThat(local).isEqualTo(new LocalTimelineInfo(Optional.of(ANCESTOR), Optional.of(Lsn.parse("0/1696070")),
                Optional.of(22380544L), Optional.of(22396928L)));
        assertThat(remote).contains(new RemoteTimelineInfo(Lsn.parse("0/16B0000")));
    }

    @Test
    void aRemoteOnlyTimelineOfAnOldServerIsAClearError() {
        String remoteOnly = """
                {"tenant_id": "de200bd42b49cc1814412c7e592dd6e9", "timeline_id": "1f2e3d4c5b6a79880123456789abcdef",
                 "local": null, "remote": {"remote_consistent_lsn": "0/16B0000", "awaits_download": true}}""";

        assertThatThrownBy(() -> readTimeline(remoteOnly))
                .hasMessageContaining("timeline 1f2e3d4c5b6a79880123456789abcdef: last_record_lsn is missing");
    }

    @Test
    void readsALaterReleaseWithoutAwaitsDownload() {
        TimelineInfo timeline = readTimeline(LATER_RELEASE);

        assertThat(timeline.awaitsDownload()).isFalse();
        assertThat(timeline.remoteConsistentLsn()).contains(Lsn.parse("0/2A3B4C8"));
        assertThat(timeline.pgVersion()).contains(16);
        assertThat(timeline.walSourceConnstr()).hasValueSatisfying(s -> assertThat(s).contains("127.0.0.1"));
    }

    @Test
    void awaitsDownloadIsFalseForATimelineNotInRemoteStorage() {
        String inconsistent = MERGED_WITH_NULLS.replace("\"awaits_download\": false", "\"awaits_download\": true");

        assertThat(readTimeline(inconsistent).awaitsDownload()).isFalse();
    }

    @Test
    void readsEveryTenantStateShapeOfEveryRelease() {
        String tenants = """
                [
                 {"id": "de200bd42b49cc1814412c7e592dd6e9", "state": {"Active": {"background_jobs_running": true}},
                  "current_physical_size": null, "has_in_progress_downloads": false},
                 {"id": "de200bd42b49cc1814412c7e592dd6e9", "state": "Paused", "current_physical_size": 42},
                 {"id": "de200bd42b49cc1814412c7e592dd6e9", "state": "Active"},
                 {"id": "de200bd42b49cc1814412c7e592dd6e9", "state": {"Broken": {"reason": "no space", "backtrace": "..."}}},
                 {"id": "de200bd42b49cc1814412c7e592dd6e9", "state": {"slug": "Active"}, "attachment_status": {"slug": "attached"}},
                 {"id": "de200bd42b49cc1814412c7e592dd6e9", "state": {"slug": "Broken", "data": {"reason": "corrupt", "backtrace": ""}}},
                 {"id": "de200bd42b49cc1814412c7e592dd6e9", "state": {"slug": "Activating", "data": "Attaching"}}
                ]""";

        List<TenantInfo> read = JsonText.read(tenants, new TypeReference<List<TenantInfo>>() { });

        assertThat(read).extracting(TenantInfo::state).containsExactly(
                TenantState.active(true),
                TenantState.named("Paused"),
                TenantState.named("Active"),
                new TenantState("Broken", Optional.empty(), Optional.of("no space")),
                TenantState.named("Active"),
                new TenantState("Broken", Optional.empty(), Optional.of("corrupt")),
                TenantState.named("Activating"));
        assertThat(read).extracting(t -> t.state().isActive()).containsExactly(true, false, true, false, true, false, false);
        assertThat(read.get(0).hasInProgressDownloads()).contains(false);
        assertThat(read.get(0).currentPhysicalSize()).isEmpty();
        assertThat(read.get(1).currentPhysicalSize()).contains(42L);
    }

    @Test
    void anUnreadableTenantStateIsAClearError() {
        for (String state : List.of("5", "{}", "{\"a\":1,\"b\":2}", "\"\"")) {
            String json = "{\"id\": \"" + TENANT + "\", \"state\": " + state + "}";
            assertThatThrownBy(() -> JsonText.read(json, TenantInfo.class))
                    .as(state)
                    .hasMessageContaining("tenant state");
        }
        assertThatThrownBy(() -> JsonText.read("{\"id\": \"" + TENANT + "\"}", TenantInfo.class))
                .hasMessageContaining("state is missing");
    }

    @Test
    void tenantConfigRequestIsWrittenAsTheServerReadsItNotAsTheFileSays() {
        var request = TenantConfigRequest.forTenant(TENANT).withCheckpointDistance(268_435_456L).withPitrInterval("7 days");

        String json = JsonText.write(request);

        assertThat(json).isEqualTo("{\"tenant_id\":[222,32,11,212,43,73,204,24,20,65,44,126,89,45,214,233],"
                + "\"checkpoint_distance\":\"268435456\",\"pitr_interval\":\"7 days\"}");
        assertThat(API.requestProblems("PUT", "/v1/tenant/config", json))
                .hasSize(2)
                .anyMatch(p -> p.contains("/tenant_id"))
                .anyMatch(p -> p.contains("/checkpoint_distance"));
    }

    @Test
    void tenantConfigRequestAsTheServerWritesItReadsBack() {
        String serverJson = """
                {"tenant_id": [222,32,11,212,43,73,204,24,20,65,44,126,89,45,214,233],
                 "checkpoint_distance": "268435456", "checkpoint_timeout": null, "compaction_target_size": null,
                 "compaction_period": null, "compaction_threshold": null, "gc_horizon": 67108864, "gc_period": "100 s",
                 "image_creation_threshold": null, "pitr_interval": null, "walreceiver_connect_timeout": null,
                 "lagging_wal_timeout": null, "max_lsn_wal_lag": null}""";

        TenantConfigRequest read = JsonText.read(serverJson, TenantConfigRequest.class);

        assertThat(read).isEqualTo(TenantConfigRequest.forTenant(TENANT).withCheckpointDistance(268_435_456L)
                .withGcHorizon(67_108_864L).withGcPeriod("100 s"));
    }
}

package io.neonops.safekeeper.api;

import static io.neonops.safekeeper.api.Fixtures.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.PgServerVersion;
import io.neonops.storage.common.testing.JsonText;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Messages as real safekeepers write and read them, where they differ from the OpenAPI file. */
class SafekeeperServerQuirksTest {

    /**
     * October 2022: the term history is the serde form of the server's own type, with the LSN as an
     * integer, and pg_info (not in the file) carries the full server_version_num.
     */
    private static final String TIMELINE_STATUS_2022 = """
            {
              "tenant_id": "de200bd42b49cc1814412c7e592dd6e9",
              "timeline_id": "1f2e3d4c5b6a79880123456789abcdef",
              "acceptor_state": {"term": 2, "epoch": 2, "term_history": [{"term": 2, "lsn": 23812688}]},
              "pg_info": {"pg_version": 140005, "system_id": 7155446321234567890, "wal_seg_size": 16777216},
              "flush_lsn": "0/16B5B28",
              "timeline_start_lsn": "0/16B5A50",
              "local_start_lsn": "0/16B5A50",
              "commit_lsn": "0/16B5B28",
              "backup_lsn": "0/0",
              "peer_horizon_lsn": "0/16B5A50",
              "remote_consistent_lsn": "0/0"
            }""";

    /** Later releases add peers and WAL senders/receivers. */
    private static final String TIMELINE_STATUS_LATER = """
            {
              "tenant_id": "de200bd42b49cc1814412c7e592dd6e9",
              "timeline_id": "1f2e3d4c5b6a79880123456789abcdef",
              "acceptor_state": {"term": 5, "epoch": 5, "term_history": [{"term": 5, "lsn": "0/2A3B4C8"}]},
              "pg_info": {"pg_version": 160002, "system_id": 7300000000000000000, "wal_seg_size": 16777216},
              "flush_lsn": "0/2A3B5F0", "timeline_start_lsn": "0/149F0D8", "local_start_lsn": "0/149F0D8",
              "commit_lsn": "0/2A3B5F0", "backup_lsn": "0/2000000", "peer_horizon_lsn": "0/2A3B4C8",
              "remote_consistent_lsn": "0/2A3B4C8",
              "peers": [{"sk_id": 2, "term": 5}], "walsenders": [], "walreceivers": []
            }""";

    private static TimelineStatus read(String json) {
        return JsonText.read(json, TimelineStatus.class);
    }

    @Test
    void readsTheIntegerLsnsOfThe2022TermHistory() {
        TimelineStatus status = read(TIMELINE_STATUS_2022);

        assertThat(status.acceptorState()).hasValueSatisfying(a -> assertThat(a.termHistory())
                .containsExactly(new TermSwitchEntry(2, Lsn.parse("0/16B5A50"))));
        assertThat(status.commitLsn()).contains(Lsn.parse("0/16B5B28"));
        assertThat(status.backupLsn()).contains(Lsn.INVALID);
    }

    @Test
    void pgInfoCarriesTheFullServerVersion() {
        TimelineStatus status = read(TIMELINE_STATUS_2022);

        assertThat(status.recordedServerVersion()).isEqualTo(PgServerVersion.of(140005));
        assertThat(status.pgInfo()).hasValueSatisfying(info -> {
            assertThat(info.systemId()).isEqualTo(7155446321234567890L);
            assertThat(info.walSegSize()).isEqualTo(16777216);
        });
    }

    @Test
    void readsLaterReleasesIgnoringTheirNewFields() {
        TimelineStatus status = read(TIMELINE_STATUS_LATER);

        assertThat(status.timelineId()).isEqualTo(TIMELINE);
        assertThat(status.recordedServerVersion().majorNumber()).isEqualTo(16);
        assertThat(status.acceptorState()).hasValueSatisfying(a -> assertThat(a.epoch()).isEqualTo(5));
    }

    @Test
    void createRequestCarriesTheFullServerVersionNotTheMajor() {
        var request = TimelineCreateRequest.of(Fixtures.TENANT, TIMELINE, List.of(NodeId.of(1)),
                PgServerVersion.of(140005), Lsn.parse("0/16B5A50"));

        assertThat(JsonText.tree(JsonText.write(request)).get("pg_version").intValue())
                .isEqualTo(140005);
    }

    @Test
    void createRequestRefusesAVersionThatIsNotAFullSupportedOne() {
        for (int version : new int[] {0, 15, 130008, 180000}) {
            assertThatThrownBy(() -> TimelineCreateRequest.of(Fixtures.TENANT, TIMELINE, List.of(),
                    PgServerVersion.of(version), Lsn.INVALID))
                    .as("pg_version %d", version)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("pg_version: ");
        }
    }

    @Test
    void createRequestRefusesASegmentSizeThatIsNoPowerOfTwo() {
        assertThatThrownBy(() -> new TimelineCreateRequest(Fixtures.TENANT, TIMELINE, List.of(), Fixtures.testServerVersion(),
                Optional.empty(), Optional.of(1000), Lsn.INVALID))
                .hasMessage("invalid wal_seg_size 1000: must be a power of two");
    }

    @Test
    void missingIdsAreNamed() {
        assertThatThrownBy(() -> read("{\"timeline_id\":\"" + TIMELINE + "\"}")).hasMessageContaining("tenant_id is missing");
        assertThatThrownBy(() -> read("{\"tenant_id\":\"" + Fixtures.TENANT + "\"}"))
                .hasMessageContaining("timeline_id is missing");
    }

    @Test
    void negativeTermsAreRefused() {
        assertThatThrownBy(() -> new AcceptorState(-1, 0, List.of())).hasMessage("invalid term -1: must not be negative");
    }
}

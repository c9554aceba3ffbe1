package io.neonops.pageserver.api;

import static io.neonops.pageserver.api.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.api.NeonJson;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageserverModelsValidationTest {

    @Test
    void startLsnWithoutAncestorIsRefused() {
        assertThatThrownBy(() -> new TimelineCreateRequest(Optional.empty(), Optional.empty(),
                Optional.of(Lsn.parse("0/1")), Optional.of(PgMajorVersion.V15)))
                .hasMessage("ancestor_start_lsn 0/1 needs ancestor_timeline_id: a start LSN only makes sense for a branch");
    }

    @Test
    void timelineCreateRequestWithAnUnsupportedVersionIsAClearError() {
        assertThatThrownBy(() -> NeonJson.reader().forType(TimelineCreateRequest.class).readValue("{\"pg_version\":13}"))
                .hasMessageContaining("unsupported Postgres major version 13");
    }

    @Test
    void negativeTenantConfigSizesAreRefused() {
        assertThatThrownBy(() -> TenantConfigRequest.forTenant(TENANT).withGcHorizon(-1))
                .hasMessage("invalid gc_horizon -1: must not be negative");
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertThatThrownBy(() -> NeonJson.reader().forType(TenantInfo.class).readValue("{\"state\":\"Active\"}"))
                .hasMessageContaining("id is missing");
        assertThatThrownBy(() -> NeonJson.reader().forType(PageserverStatus.class).readValue("{}"))
                .hasMessageContaining("id is missing");
        assertThatThrownBy(() -> NeonJson.reader().forType(TimelineInfo.class).readValue("{\"tenant_id\":\"" + TENANT + "\"}"))
                .hasMessageContaining("timeline_id is missing");
    }

    @Test
    void tenantStateReadsWellInTables() {
        assertThat(TenantState.active(true)).hasToString("Active");
        assertThat(new TenantState("Broken", Optional.empty(), Optional.of("disk full"))).hasToString("Broken (disk full)");
    }
}

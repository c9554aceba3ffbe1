package io.neonops.pageserver.api;

import static io.neonops.pageserver.api.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.testing.JsonText;
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
        assertThatThrownBy(() -> JsonText.read("{\"pg_version\":13}", TimelineCreateRequest.class))
                .hasMessageContaining("unsupported Postgres major version 13");
    }

    @Test
    void negativeTenantConfigSizesAreRefused() {
        assertThatThrownBy(() -> TenantConfigRequest.forTenant(TENANT).withGcHorizon(-1))
                .hasMessage("invalid gc_horizon -1: must not be negative");
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertThatThrownBy(() -> JsonText.read("{\"state\":\"Active\"}", TenantInfo.class))
                .hasMessageContaining("id is missing");
        assertThatThrownBy(() -> JsonText.read("{}", PageserverStatus.class))
                .hasMessageContaining("id is missing");
        assertThatThrownBy(() -> JsonText.read("{\"tenant_id\":\"" + TENANT + "\"}", TimelineInfo.class))
                .hasMessageContaining("timeline_id is missing");
    }

    @Test
    void tenantStateReadsWellInTables() {
        assertThat(TenantState.active(true)).hasToString("Active");
        assertThat(new TenantState("Broken", Optional.empty(), Optional.of("disk full"))).hasToString("Broken (disk full)");
    }
}

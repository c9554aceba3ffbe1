package io.neonops.storage.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.storage.common.api.NeonJson;
import org.junit.jupiter.api.Test;

class PgServerVersionTest {

    @Test
    void knowsItsMajor() {
        assertThat(PgServerVersion.of(150002).major()).isEqualTo(PgMajorVersion.V15);
        assertThat(PgServerVersion.of(180001).majorNumber()).isEqualTo(18);
        assertThat(PgServerVersion.firstOf(PgMajorVersion.V16)).isEqualTo(PgServerVersion.of(160000));
    }

    @Test
    void zeroMeansUnknown() {
        assertThat(PgServerVersion.UNKNOWN.isKnown()).isFalse();
        assertThat(PgServerVersion.of(140005).isKnown()).isTrue();
        assertThatThrownBy(PgServerVersion.UNKNOWN::major).hasMessageContaining("invalid Postgres server_version_num 0");
    }

    @Test
    void rejectsNegativeNumbers() {
        assertThatThrownBy(() -> PgServerVersion.of(-1)).hasMessageContaining("must not be negative");
    }

    @Test
    void jsonIsThePlainNumber() throws Exception {
        assertThat(NeonJson.writer().writeValueAsString(PgServerVersion.of(140005))).isEqualTo("140005");
        assertThat(NeonJson.reader().forType(PgServerVersion.class).<PgServerVersion>readValue("150002"))
                .isEqualTo(PgServerVersion.of(150002));
    }
}

package io.neonops.storage.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.storage.common.api.NeonJson;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PgMajorVersionTest {

    @Test
    void theProjectDefaultIs17() {
        assertThat(PgMajorVersion.DEFAULT_PG_VERSION).isEqualTo(PgMajorVersion.V17);
        assertThat(PgMajorVersion.supportedMajors()).containsExactly(14, 15, 16, 17);
        assertThat(PgMajorVersion.V16.distribDirName()).isEqualTo("v16");
    }

    @ParameterizedTest
    @CsvSource({"14,V14", "17,V17", "140005,V14", "150002,V15", "160000,V16", "170004,V17"})
    void acceptsAMajorOrAFullServerVersionNum(int number, PgMajorVersion expected) {
        assertThat(PgMajorVersion.of(number)).isEqualTo(expected);
        assertThat(PgMajorVersion.parse(Integer.toString(number))).isEqualTo(expected);
    }

    @Test
    void serverVersionNumMustBeOneFromPostgres10On() {
        assertThat(PgMajorVersion.ofServerVersionNum(150002)).isEqualTo(PgMajorVersion.V15);
        assertThatThrownBy(() -> PgMajorVersion.ofServerVersionNum(15))
                .hasMessage("invalid Postgres server_version_num 15: expected major * 10000 + minor, e.g. 150002");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 13, 18, 96, 90624, 130010, 180000})
    void rejectsUnsupportedVersionsListingTheSupportedOnes(int number) {
        assertThatThrownBy(() -> PgMajorVersion.of(number))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[14, 15, 16, 17]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sixteen", "16.1", "v16", "1e2"})
    void rejectsNonNumericTextNamingIt(String text) {
        assertThatThrownBy(() -> PgMajorVersion.parse(text))
                .hasMessage("invalid Postgres version \"" + text
                        + "\": expected a major [14, 15, 16, 17] or a server_version_num such as 150002");
    }

    @Test
    void rejectsMissingText() {
        assertThatThrownBy(() -> PgMajorVersion.parse(" ")).hasMessageContaining("Postgres version is missing");
    }

    @Test
    void environmentVariableOverridesTheDefault() {
        assertThat(PgMajorVersion.fromEnvironment(Map.of())).isEqualTo(PgMajorVersion.DEFAULT_PG_VERSION);
        assertThat(PgMajorVersion.fromEnvironment(Map.of("DEFAULT_PG_VERSION", ""))).isEqualTo(PgMajorVersion.DEFAULT_PG_VERSION);
        assertThat(PgMajorVersion.fromEnvironment(Map.of("DEFAULT_PG_VERSION", "15"))).isEqualTo(PgMajorVersion.V15);
        assertThat(PgMajorVersion.fromEnvironment(Map.of("DEFAULT_PG_VERSION", "140005"))).isEqualTo(PgMajorVersion.V14);
    }

    @Test
    void badEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> PgMajorVersion.fromEnvironment(Map.of("DEFAULT_PG_VERSION", "13")))
                .hasMessage("environment variable DEFAULT_PG_VERSION: unsupported Postgres major version 13, supported: [14, 15, 16, 17]");
    }

    @Test
    void testsSeeTheVersionOfThisProcessEnvironment() {
        assertThat(PgMajorVersion.defaultForTests()).isEqualTo(PgMajorVersion.fromEnvironment(System.getenv()));
    }

    @Test
    void jsonIsTheMajorNumber() throws Exception {
        assertThat(NeonJson.writer().writeValueAsString(PgMajorVersion.V15)).isEqualTo("15");
        assertThat(NeonJson.reader().forType(PgMajorVersion.class).<PgMajorVersion>readValue("16")).isEqualTo(PgMajorVersion.V16);
        assertThatThrownBy(() -> NeonJson.reader().forType(PgMajorVersion.class).readValue("12"))
                .hasMessageContaining("unsupported Postgres major version 12");
    }
}

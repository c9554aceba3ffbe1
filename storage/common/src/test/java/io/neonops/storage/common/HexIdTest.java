package io.neonops.storage.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.storage.common.api.NeonJson;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HexIdTest {

    private static final String HEX = "de200bd42b49cc1814412c7e592dd6e9";

    @Test
    void acceptsThirtyTwoLowerCaseHexCharacters() {
        assertThat(TenantId.of(HEX)).hasToString(HEX);
        assertThat(TimelineId.of(HEX).hex()).isEqualTo(HEX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "de200bd42b49cc1814412c7e592dd6e", "de200bd42b49cc1814412c7e592dd6e90",
            "DE200BD42B49CC1814412C7E592DD6E9", "xe200bd42b49cc1814412c7e592dd6e9", " de200bd42b49cc1814412c7e592dd6e"})
    void rejectsAnythingElseNamingTheKindOfId(String text) {
        assertThatThrownBy(() -> TenantId.of(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid tenant id \"" + text + "\": expected 32 lower-case hex characters");
        assertThatThrownBy(() -> TimelineId.of(text))
                .hasMessage("invalid timeline id \"" + text + "\": expected 32 lower-case hex characters");
    }

    @Test
    void rejectsMissingId() {
        assertThatThrownBy(() -> TenantId.of(null)).hasMessage("tenant id is missing");
    }

    @Test
    void generatesDistinctValidRandomIds() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 100).forEach(i -> ids.add(TenantId.random().hex()));
        IntStream.range(0, 100).forEach(i -> ids.add(TimelineId.random().hex()));
        assertThat(ids).hasSize(200).allMatch(id -> id.matches("[0-9a-f]{32}"));
    }

    @Test
    void jsonIsTheHexString() throws Exception {
        assertThat(NeonJson.writer().writeValueAsString(TenantId.of(HEX))).isEqualTo("\"" + HEX + "\"");
        assertThat(NeonJson.reader().forType(TimelineId.class).<TimelineId>readValue("\"" + HEX + "\""))
                .isEqualTo(TimelineId.of(HEX));
    }

    @Test
    void jsonAlsoAcceptsTheByteArrayTheServerWritesInTenantConfigRequest() throws Exception {
        String bytes = "[222,32,11,212,43,73,204,24,20,65,44,126,89,45,214,233]";
        assertThat(NeonJson.reader().forType(TenantId.class).<TenantId>readValue(bytes)).isEqualTo(TenantId.of(HEX));
        assertThat(TenantId.of(HEX).toByteArray())
                .containsExactly(222, 32, 11, 212, 43, 73, 204, 24, 20, 65, 44, 126, 89, 45, 214, 233);
    }

    @Test
    void jsonRejectsMalformedIdsWithTheReason() {
        assertThatThrownBy(() -> NeonJson.reader().forType(TenantId.class).readValue("\"abc\""))
                .hasMessageContaining("invalid tenant id \"abc\"");
        assertThatThrownBy(() -> NeonJson.reader().forType(TenantId.class).readValue("[1,2,3]"))
                .hasMessageContaining("expected 32 lower-case hex characters or an array of 16 bytes");
        assertThatThrownBy(() -> NeonJson.reader().forType(TimelineId.class)
                .readValue("[256,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]"))
                .hasMessageContaining("element 0 is not a byte");
    }
}

package io.neonops.storage.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.storage.common.api.NeonJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LsnTest {

    @Test
    void printsUpperCaseHexWithoutPadding() {
        assertThat(new Lsn(0x16B5A50L)).hasToString("0/16B5A50");
        assertThat(new Lsn(0x1_0000_0000L)).hasToString("1/0");
        assertThat(new Lsn(-1L)).hasToString("FFFFFFFF/FFFFFFFF");
        assertThat(Lsn.INVALID).hasToString("0/0");
    }

    @Test
    void parsesWhatItPrintsAndAcceptsLowerCase() {
        assertThat(Lsn.parse("0/16B5A50")).isEqualTo(new Lsn(0x16B5A50L));
        assertThat(Lsn.parse("2/a0")).isEqualTo(new Lsn(0x2_0000_00A0L));
        assertThat(Lsn.parse("FFFFFFFF/FFFFFFFF").value()).isEqualTo(-1L);
        for (long v : new long[] {0, 1, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(Lsn.parse(new Lsn(v).toString())).isEqualTo(new Lsn(v));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "16B5A50", "0/", "/1", "0/1/2", "0/G", "123456789/0", "0/123456789", "+0/1", "-1/0",
            " 0/1", "0/1 ", "0x0/1"})
    void rejectsMalformedTextNamingIt(String text) {
        assertThatThrownBy(() -> Lsn.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid LSN \"" + text + "\"")
                .hasMessageContaining("e.g. 0/16B5A50");
    }

    @Test
    void rejectsMissingText() {
        assertThatThrownBy(() -> Lsn.parse(null)).hasMessageContaining("invalid LSN: missing");
    }

    @Test
    void ordersAsUnsigned64BitNumbers() {
        List<Lsn> lsns = new ArrayList<>(List.of(Lsn.parse("FFFFFFFF/0"), Lsn.parse("1/0"), Lsn.parse("0/FFFFFFFF"), Lsn.INVALID));
        Collections.sort(lsns);
        assertThat(lsns).extracting(Lsn::toString).containsExactly("0/0", "0/FFFFFFFF", "1/0", "FFFFFFFF/0");
    }

    @Test
    void measuresDistanceInBytes() {
        assertThat(Lsn.parse("1/0").bytesSince(Lsn.parse("0/FFFFFF00"))).isEqualTo(0x100);
        assertThat(Lsn.parse("0/16B5A50").bytesSince(Lsn.parse("0/16B5A50"))).isZero();
        assertThatThrownBy(() -> Lsn.parse("0/10").bytesSince(Lsn.parse("0/20")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0/20 is after 0/10");
    }

    @Test
    void advancesByBytesAndRefusesOverflow() {
        assertThat(Lsn.parse("0/FFFFFFFF").plus(1)).isEqualTo(Lsn.parse("1/0"));
        assertThatThrownBy(() -> Lsn.parse("FFFFFFFF/FFFFFFFF").plus(1)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Lsn.INVALID.plus(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsTheInvalidPosition() {
        assertThat(Lsn.INVALID.isValid()).isFalse();
        assertThat(Lsn.parse("0/1").isValid()).isTrue();
    }

    @Test
    void jsonIsTheTextForm() throws Exception {
        assertThat(NeonJson.writer().writeValueAsString(Lsn.parse("0/16B5A50"))).isEqualTo("\"0/16B5A50\"");
        assertThat(NeonJson.reader().forType(Lsn.class).<Lsn>readValue("\"0/16B5A50\"")).isEqualTo(new Lsn(0x16B5A50L));
    }

    @Test
    void jsonAlsoAcceptsTheIntegerFormOfOlderSafekeepers() throws Exception {
        assertThat(NeonJson.reader().forType(Lsn.class).<Lsn>readValue("23812688")).isEqualTo(new Lsn(23812688L));
        assertThat(NeonJson.reader().forType(Lsn.class).<Lsn>readValue("18446744073709551615")).isEqualTo(new Lsn(-1L));
    }

    @Test
    void jsonRejectsOtherShapesWithTheReason() {
        assertThatThrownBy(() -> NeonJson.reader().forType(Lsn.class).readValue("\"zz\""))
                .hasMessageContaining("invalid LSN \"zz\"");
        assertThatThrownBy(() -> NeonJson.reader().forType(Lsn.class).readValue("-5"))
                .hasMessageContaining("invalid LSN -5");
        assertThatThrownBy(() -> NeonJson.reader().forType(Lsn.class).readValue("true"))
                .hasMessageContaining("invalid LSN true");
    }
}

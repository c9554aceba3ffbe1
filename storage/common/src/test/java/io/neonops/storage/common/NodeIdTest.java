package io.neonops.storage.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.storage.common.api.NeonJson;
import org.junit.jupiter.api.Test;

class NodeIdTest {

    @Test
    void jsonIsAPlainNumber() throws Exception {
        assertThat(NeonJson.writer().writeValueAsString(NodeId.of(7))).isEqualTo("7");
        assertThat(NeonJson.reader().forType(NodeId.class).<NodeId>readValue("42")).isEqualTo(NodeId.of(42));
    }

    @Test
    void parsesDecimalText() {
        assertThat(NodeId.parse(" 12 ")).isEqualTo(NodeId.of(12));
        assertThat(NodeId.of(12)).hasToString("12");
    }

    @Test
    void rejectsNegativeAndNonNumericIds() {
        assertThatThrownBy(() -> NodeId.of(-1)).hasMessage("invalid node id -1: must not be negative");
        assertThatThrownBy(() -> NodeId.parse("one")).hasMessage("invalid node id \"one\": expected a non-negative integer");
        assertThatThrownBy(() -> NodeId.parse(null)).hasMessage("node id is missing");
        assertThatThrownBy(() -> NeonJson.reader().forType(NodeId.class).readValue("-3"))
                .hasMessageContaining("invalid node id -3");
    }
}

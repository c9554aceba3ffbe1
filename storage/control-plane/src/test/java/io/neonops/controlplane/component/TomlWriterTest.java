package io.neonops.controlplane.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TomlWriterTest {

    @Test
    void writesScalarsListsAndInlineTables() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("s", "text");
        doc.put("n", 42L);
        doc.put("f", 0.5);
        doc.put("b", true);
        doc.put("l", List.of(1L, "two"));
        doc.put("t", Map.of("k", "v"));

        assertThat(TomlWriter.document(doc)).isEqualTo("s = \"text\"\nn = 42\nf = 0.5\nb = true\nl = [1, \"two\"]\nt = {k = \"v\"}\n");
    }

    @Test
    void escapesStringsAndOddKeys() {
        assertThat(TomlWriter.value("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
        assertThat(TomlWriter.document(Map.of("odd key", 1L))).isEqualTo("\"odd key\" = 1\n");
    }

    @Test
    void refusesWhatTomlCannotHold() {
        assertThatThrownBy(() -> TomlWriter.value(Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> TomlWriter.value(null)).hasMessageContaining("null");
    }
}

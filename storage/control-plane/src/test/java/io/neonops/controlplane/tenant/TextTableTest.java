package io.neonops.controlplane.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsColumnsToTheWidestCellWithoutTrailingSpaces() {
        String text = TextTable.of(List.of("ID", "STATE", "SIZE"))
                .withRow("a", "Active", "1")
                .withRow("bbbbbb", "Paused", "")
                .render();

        assertThat(text).isEqualTo("""
                ID      STATE   SIZE
                a       Active  1
                bbbbbb  Paused
                """);
    }

    @Test
    void anEmptyTableIsItsHeader() {
        assertThat(TextTable.of(List.of("A", "B")).render()).isEqualTo("A  B\n");
    }

    @Test
    void refusesRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> TextTable.of(List.of("A", "B")).withRow("only one"))
                .hasMessage("row [only one] has 1 cells, the table has 2 columns");
    }
}

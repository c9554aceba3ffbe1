package io.neonops.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventNotesTest {

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aNoteThatFitsIsKeptAsItIs() {
        String note = "x".repeat(EventNotes.MAX_BYTES);

        assertThat(EventNotes.fit(note)).isSameAs(note);
    }

    @Test
    void aLongerNoteIsCutToTheLimitAndSaysSo() {
        String fitted = EventNotes.fit("timeline ".repeat(200));

        assertThat(bytes(fitted)).isLessThanOrEqualTo(EventNotes.MAX_BYTES);
        assertThat(fitted).startsWith("timeline timeline").endsWith("…");
    }

    @Test
    void surrogatePairsAreNeverSplit() {
        String fitted = EventNotes.fit("a" + "😀".repeat(EventNotes.MAX_BYTES));

        assertThat(bytes(fitted)).isLessThanOrEqualTo(EventNotes.MAX_BYTES);
        assertThat(fitted.replace("…", "")).matches("a(😀)+");
    }

    @Test
    void multiByteCharactersAreNeverSplit() {
        String fitted = EventNotes.fit("é".repeat(EventNotes.MAX_BYTES));

        assertThat(bytes(fitted)).isLessThanOrEqualTo(EventNotes.MAX_BYTES);
        assertThat(fitted.replace("…", "")).matches("é+");
    }
}

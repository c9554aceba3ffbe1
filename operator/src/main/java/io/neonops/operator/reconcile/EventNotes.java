package io.neonops.operator.reconcile;

import java.nio.charset.StandardCharsets;

/**
 * Fits a decision's text into an Event's note, which the API server refuses beyond 1 kB (events.k8s.io/v1). A
 * refusal naming many timelines can be longer; the condition in the status keeps the whole text.
 */
final class EventNotes {

    static final int MAX_BYTES = 1024;
    private static final String CUT = "…";

    private EventNotes() {
    }

    static String fit(String note) {
        if (note.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return note;
        }
        int budget = MAX_BYTES - CUT.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < note.length(); ) {
            int codePoint = note.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return kept.append(CUT).toString();
    }
}

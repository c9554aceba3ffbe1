package io.neonops.operator.reconcile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
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
        // the encoder stops at the first character that no longer fits whole, so none is split
        CharBuffer text = CharBuffer.wrap(note);
        ByteBuffer room = ByteBuffer.allocate(MAX_BYTES - CUT.getBytes(StandardCharsets.UTF_8).length);
        StandardCharsets.UTF_8.newEncoder().encode(text, room, true);
        return note.substring(0, text.position()) + CUT;
    }
}

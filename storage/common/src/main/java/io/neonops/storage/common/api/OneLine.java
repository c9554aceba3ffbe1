package io.neonops.storage.common.api;

/** Error messages are shown as one line (CLI output, conditions); server text may span several. */
final class OneLine {

    private static final int MAX_LENGTH = 500;

    private OneLine() {
    }

    static String of(String text) {
        String joined = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return joined.length() <= MAX_LENGTH ? joined : joined.substring(0, MAX_LENGTH) + "...";
    }
}

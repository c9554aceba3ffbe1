package io.neonops.storage.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a pageserver or safekeeper node; on the wire a plain JSON number. */
public record NodeId(@JsonValue long value) {

    public NodeId {
        if (value < 0) {
            throw new IllegalArgumentException("invalid node id " + value + ": must not be negative");
        }
    }

    @JsonCreator
    public static NodeId of(long value) {
        return new NodeId(value);
    }

    /**
     * Parses a decimal node id, e.g. from a command line.
     *
     * @throws IllegalArgumentException naming the text when it is not a non-negative integer
     */
    public static NodeId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("node id is missing");
        }
        try {
            return new NodeId(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid node id \"" + text + "\": expected a non-negative integer");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

package io.neonops.storage.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/** A Neon timeline id: 32 lower-case hex characters. */
public record TimelineId(String hex) {

    public TimelineId {
        HexId.validate("timeline id", hex);
    }

    public static TimelineId of(String hex) {
        return new TimelineId(hex);
    }

    public static TimelineId random() {
        return new TimelineId(HexId.random());
    }

    @JsonCreator
    static TimelineId fromJson(JsonNode node) {
        return new TimelineId(HexId.fromJson("timeline id", node));
    }

    @JsonValue
    @Override
    public String toString() {
        return hex;
    }
}

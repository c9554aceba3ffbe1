package io.neonops.controller.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A timeline's state on its pageserver: {@code "Loading"}, {@code "Active"}, {@code "Stopping"}, or
 * {@code {"Broken": {"reason": ..., "backtrace": ...}}}. Kept as text, because new releases add states.
 *
 * @param brokenReason why a {@code Broken} timeline broke
 */
public record TimelineState(String name, Optional<String> brokenReason) {

    public static final TimelineState ACTIVE = new TimelineState("Active", Optional.empty());

    public TimelineState {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("timeline state is missing");
        }
    }

    public boolean isActive() {
        return ACTIVE.name.equals(name);
    }

    @JsonCreator
    static TimelineState fromJson(JsonNode node) {
        if (node.isTextual()) {
            return new TimelineState(node.textValue(), Optional.empty());
        }
        if (node.isObject() && node.size() == 1) {
            var entry = node.properties().iterator().next();
            return new TimelineState(entry.getKey(), Optional.ofNullable(entry.getValue().get("reason"))
                    .filter(JsonNode::isTextual).map(JsonNode::textValue));
        }
        throw new IllegalArgumentException("invalid timeline state " + node
                + ": expected a name such as \"Active\" or an object such as {\"Broken\":{\"reason\":\"...\"}}");
    }

    @JsonValue
    Object toJson() {
        return brokenReason.<Object>map(r -> Map.of(name, Map.of("reason", r))).orElse(name);
    }

    @Override
    public String toString() {
        return brokenReason.map(r -> name + " (" + r + ")").orElse(name);
    }
}

package io.neonops.controller.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;

/**
 * Where the storage controller keeps a tenant's shards. On the wire Rust's externally tagged enum:
 * {@code {"Attached": 1}}, {@code "Secondary"}, {@code "Detached"}. Tenants created without one get
 * {@code Attached(0)}: no secondary, so a drain cannot move them and they go offline while their
 * pageserver restarts.
 */
@JsonDeserialize(using = PlacementPolicy.Reader.class)
public sealed interface PlacementPolicy {

    /** Attached to one pageserver, with warm secondaries on {@code secondaries} others. */
    record Attached(int secondaries) implements PlacementPolicy {

        public Attached {
            if (secondaries < 0) {
                throw new IllegalArgumentException("invalid placement policy {\"Attached\":" + secondaries
                        + "}: the number of secondaries must not be negative");
            }
        }

        @JsonValue
        Map<String, Integer> toJson() {
            return Map.of("Attached", secondaries);
        }
    }

    /** Only a secondary location: not readable, quick to attach later. */
    record Secondary() implements PlacementPolicy {

        @JsonValue
        String toJson() {
            return "Secondary";
        }
    }

    /** On no pageserver at all. */
    record Detached() implements PlacementPolicy {

        @JsonValue
        String toJson() {
            return "Detached";
        }
    }

    /** The storage controller's default for new tenants. */
    PlacementPolicy DEFAULT = new Attached(0);

    static PlacementPolicy attached(int secondaries) {
        return new Attached(secondaries);
    }

    /** Whether a drain can move the attached shards: only to a secondary. */
    default boolean hasSecondary() {
        return this instanceof Attached a && a.secondaries() > 0;
    }

    static PlacementPolicy fromJson(JsonNode node) {
        if (node.isTextual() && node.textValue().equals("Secondary")) {
            return new Secondary();
        }
        if (node.isTextual() && node.textValue().equals("Detached")) {
            return new Detached();
        }
        if (node.isObject() && node.size() == 1 && node.has("Attached") && node.get("Attached").canConvertToInt()) {
            return new Attached(node.get("Attached").intValue());
        }
        throw new IllegalArgumentException("invalid placement policy " + node
                + ": expected {\"Attached\": <secondaries>}, \"Secondary\" or \"Detached\"");
    }

    final class Reader extends TreeDeserializer<PlacementPolicy> {

        private static final long serialVersionUID = 1L;

        Reader() {
            super(PlacementPolicy.class, PlacementPolicy::fromJson);
        }
    }
}

package io.neonops.controlplane.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads typed fields out of a JSON tree while remembering where it is, so that every refused field is
 * reported with its full path and the reading goes on to find the others.
 */
final class SpecReader {

    private final List<FieldError> errors = new ArrayList<>();

    List<FieldError> errors() {
        return errors;
    }

    void error(String path, String reason) {
        errors.add(new FieldError(path, reason));
    }

    /** Whether a field is left out: missing, or written as {@code null} (YAML {@code ~} or an empty value). */
    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** The object at {@code path}, or a missing node when absent, null, or not an object (then an error). */
    JsonNode object(JsonNode parent, String field, String path, Set<String> knownFields) {
        JsonNode node = parent.path(field);
        if (absent(node)) {
            return MissingNode.getInstance();
        }
        if (!node.isObject()) {
            error(path, "must be an object, got " + describe(node));
            return MissingNode.getInstance();
        }
        rejectUnknown(node, path, knownFields);
        return node;
    }

    void rejectUnknown(JsonNode object, String path, Set<String> knownFields) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                error(path.isEmpty() ? name : path + "." + name, "unknown field (known: " + String.join(", ", new TreeSet<>(knownFields)) + ")");
            }
        }
    }

    Optional<String> string(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            error(path, "must be a string, got " + describe(node));
            return Optional.empty();
        }
        String value = node.asText();
        if (value.isBlank()) {
            error(path, "must not be empty");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * The name of a Kubernetes object the spec refers to (a Secret): a DNS subdomain, as the API server requires,
     * so that a typo is refused here rather than by a pod that never starts.
     */
    Optional<String> objectName(JsonNode parent, String field, String path) {
        Optional<String> name = string(parent, field, path);
        if (name.isPresent() && !ObjectNames.isValid(name.get())) {
            error(path, "must be a Kubernetes object name (" + ObjectNames.RULE + "), got \"" + name.get() + "\"");
            return Optional.empty();
        }
        return name;
    }

    Optional<Integer> integer(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            error(path, "must be an integer, got " + describe(node));
            return Optional.empty();
        }
        return Optional.of(node.intValue());
    }

    Optional<Boolean> bool(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            error(path, "must be true or false, got " + describe(node));
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    <E extends Enum<E>> Optional<E> enumValue(JsonNode parent, String field, String path, Class<E> type) {
        return string(parent, field, path).flatMap(text -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return Optional.of(constant);
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            error(path, "must be one of " + String.join(", ", allowed) + ", got \"" + text + "\"");
            return Optional.empty();
        });
    }

    /** A map of string to string, e.g. resource requests. */
    Map<String, String> stringMap(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        Map<String, String> result = new TreeMap<>();
        if (absent(node)) {
            return result;
        }
        if (!node.isObject()) {
            error(path, "must be an object, got " + describe(node));
            return result;
        }
        node.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (value.isTextual() || value.isNumber()) {
                result.put(entry.getKey(), value.asText());
            } else {
                error(path + "." + entry.getKey(), "must be a string or number, got " + describe(value));
            }
        });
        return result;
    }

    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "\"" + node.asText() + "\"";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.toString();
    }
}

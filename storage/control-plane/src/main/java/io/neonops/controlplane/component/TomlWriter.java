package io.neonops.controlplane.component;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the small subset of TOML that Neon's configs need: top-level keys whose values are strings,
 * integers, floats, booleans, arrays and inline tables. Inline tables keep every key at the top level, so
 * the order of keys never changes which table a key belongs to.
 */
final class TomlWriter {

    private TomlWriter() {
    }

    static String document(Map<String, Object> keys) {
        StringBuilder out = new StringBuilder();
        keys.forEach((k, v) -> out.append(key(k)).append(" = ").append(value(v)).append('\n'));
        return out.toString();
    }

    static String value(Object value) {
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException("TOML floats must be finite, got " + d);
            }
            return d.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TomlWriter::value).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> key(e.getKey().toString()) + " = " + value(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        throw new IllegalArgumentException("no TOML form for " + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    private static String key(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : string(key);
    }

    /** A basic string, escaped, so any text (quotes, backslashes, control characters) survives. */
    private static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

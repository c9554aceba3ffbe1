package io.neonops.controlplane.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level keys of a TOML document whose values the fakes read: basic ({@code "..."}, with escapes) and literal
 * ({@code '...'}) strings, and anything else (numbers, inline tables) as its raw text. Reading stops at the first
 * {@code [table]}: Neon's config files keep what the fakes need at the top level.
 */
record TopLevelToml(Map<String, String> values) {

    static TopLevelToml parse(String document) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : document.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                break;
            }
            int equals = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || equals < 0) {
                continue;
            }
            values.put(unquote(line.substring(0, equals).strip()), unquote(line.substring(equals + 1).strip()));
        }
        return new TopLevelToml(Map.copyOf(values));
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    private static String unquote(String value) {
        if (value.startsWith("'")) {
            return value.substring(1, value.indexOf('\'', 1));
        }
        if (!value.startsWith("\"")) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < value.length() && value.charAt(i) != '"'; i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = value.charAt(++i);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    out.append((char) Integer.parseInt(value.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(escaped);
            }
        }
        return out.toString();
    }
}

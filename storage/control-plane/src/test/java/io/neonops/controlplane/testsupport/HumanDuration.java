package io.neonops.controlplane.testsupport;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as Neon's binaries write them (the {@code humantime} crate): {@code 5s}, {@code 300ms}, {@code 30min}. */
final class HumanDuration {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*(ms|s|sec|m|min|h)\\s*");

    private HumanDuration() {
    }

    static Duration parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid duration '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s", "sec" -> Duration.ofSeconds(amount);
            case "m", "min" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}

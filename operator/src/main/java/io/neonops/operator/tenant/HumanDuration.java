package io.neonops.operator.tenant;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Neon's duration text (Rust's humantime: {@code "7 days"}, {@code "1h 30m"}, {@code "7days"}), read so that two
 * spellings of one duration compare equal: the storage controller echoes a setting in its own spelling, and a
 * difference of spelling alone must not count as a change to write.
 */
public final class HumanDuration {

    private static final String UNITS = "ns|us|ms|seconds|second|secs|sec|s|minutes|minute|mins|min|m|hours|hour|hrs"
            + "|hr|h|days|day|d|weeks|week|w";
    /** What the CRD accepts: one or more number-unit pairs. */
    public static final String PATTERN = "^\\s*([0-9]+\\s*(" + UNITS + ")\\s*)+$";

    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("([0-9]+)\\s*(" + UNITS + ")\\s*");
    private static final Map<String, Duration> UNIT = Map.ofEntries(
            Map.entry("ns", Duration.ofNanos(1)), Map.entry("us", Duration.ofNanos(1000)),
            Map.entry("ms", Duration.ofMillis(1)),
            Map.entry("s", Duration.ofSeconds(1)), Map.entry("sec", Duration.ofSeconds(1)),
            Map.entry("secs", Duration.ofSeconds(1)), Map.entry("second", Duration.ofSeconds(1)),
            Map.entry("seconds", Duration.ofSeconds(1)),
            Map.entry("m", Duration.ofMinutes(1)), Map.entry("min", Duration.ofMinutes(1)),
            Map.entry("mins", Duration.ofMinutes(1)), Map.entry("minute", Duration.ofMinutes(1)),
            Map.entry("minutes", Duration.ofMinutes(1)),
            Map.entry("h", Duration.ofHours(1)), Map.entry("hr", Duration.ofHours(1)), Map.entry("hrs", Duration.ofHours(1)),
            Map.entry("hour", Duration.ofHours(1)), Map.entry("hours", Duration.ofHours(1)),
            Map.entry("d", Duration.ofDays(1)), Map.entry("day", Duration.ofDays(1)), Map.entry("days", Duration.ofDays(1)),
            Map.entry("w", Duration.ofDays(7)), Map.entry("week", Duration.ofDays(7)), Map.entry("weeks", Duration.ofDays(7)));

    private HumanDuration() {
    }

    /** The duration {@code text} spells; empty when it is no humantime duration this class knows. */
    public static Optional<Duration> parse(String text) {
        String trimmed = text.strip();
        Matcher part = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            total = total.plus(UNIT.get(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
            end = part.end();
        }
        return end == trimmed.length() && end > 0 ? Optional.of(total) : Optional.empty();
    }

    /** Whether both spell the same duration (or are the same text, when either is no duration this class reads). */
    public static boolean same(Optional<String> a, Optional<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        Optional<Duration> left = parse(a.get());
        Optional<Duration> right = parse(b.get());
        return left.isPresent() && right.isPresent() ? left.equals(right) : a.equals(b);
    }
}

package io.neonops.safekeeper.api;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the per-timeline WAL positions out of a safekeeper's {@code GET /metrics} (Prometheus text format), the
 * only place 2022 releases publish them: the gauges {@value #FLUSH_LSN} and {@value #COMMIT_LSN}, labelled
 * {@code tenant_id} and {@code timeline_id}, one sample per timeline the safekeeper has loaded.
 * <p>
 * Prometheus keeps samples as float64, so an LSN above 2^53 arrives rounded; the rounding is monotonic, so a
 * flush position at or past a commit position still compares so after it.
 */
public final class TimelineWalMetrics {

    public static final String FLUSH_LSN = "safekeeper_flush_lsn";
    public static final String COMMIT_LSN = "safekeeper_commit_lsn";

    private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private TimelineWalMetrics() {
    }

    /**
     * The timelines of a metrics page, in tenant and timeline order.
     *
     * @throws IllegalArgumentException naming the line or timeline when a sample cannot be read, or when a
     *                                  timeline has one of the two gauges and not the other
     */
    public static List<TimelineWal> parse(String text) {
        Map<TenantTimelineId, Lsn> flush = new HashMap<>();
        Map<TenantTimelineId, Lsn> commit = new HashMap<>();
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            String sample = line.strip();
            Map<TenantTimelineId, Lsn> target = sample.startsWith(FLUSH_LSN + "{") ? flush
                    : sample.startsWith(COMMIT_LSN + "{") ? commit : null;
            if (target == null) {
                continue;
            }
            try {
                int close = labelsEnd(sample);
                Map<String, String> labels = labels(sample.substring(sample.indexOf('{') + 1, close));
                TenantTimelineId id = new TenantTimelineId(TenantId.of(required(labels, "tenant_id")),
                        TimelineId.of(required(labels, "timeline_id")));
                if (target.put(id, lsn(sample.substring(close + 1).strip())) != null) {
                    throw new IllegalArgumentException("a second sample for timeline " + id);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        Map<TenantTimelineId, TimelineWal> timelines = new TreeMap<>();
        for (var e : flush.entrySet()) {
            Lsn committed = commit.get(e.getKey());
            if (committed == null) {
                throw new IllegalArgumentException("timeline " + e.getKey() + " has " + FLUSH_LSN + " but no " + COMMIT_LSN);
            }
            timelines.put(e.getKey(), TimelineWal.of(e.getKey(), e.getValue(), committed));
        }
        commit.keySet().stream().filter(id -> !flush.containsKey(id)).findFirst().ifPresent(id -> {
            throw new IllegalArgumentException("timeline " + id + " has " + COMMIT_LSN + " but no " + FLUSH_LSN);
        });
        return new ArrayList<>(timelines.values());
    }

    /** The index of the brace closing the label set, skipping braces inside quoted values. */
    private static int labelsEnd(String sample) {
        boolean quoted = false;
        for (int i = sample.indexOf('{') + 1; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated label set");
    }

    /** {@code a="x",b="y"}, with the text format's escapes (\\, \", \n) in values. */
    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0 || eq + 1 >= text.length() || text.charAt(eq + 1) != '"') {
                throw new IllegalArgumentException("malformed labels {" + text + "}");
            }
            String name = text.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; j < text.length() && text.charAt(j) != '"'; j++) {
                char c = text.charAt(j);
                if (c == '\\' && j + 1 < text.length()) {
                    char next = text.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
            }
            if (j >= text.length()) {
                throw new IllegalArgumentException("malformed labels {" + text + "}");
            }
            labels.put(name, value.toString());
            i = j + 1;
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
        return labels;
    }

    private static String required(Map<String, String> labels, String name) {
        String value = labels.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no label " + name);
        }
        return value;
    }

    /** The sample's value (an optional timestamp follows it), a non-negative integer written as a float. */
    private static Lsn lsn(String valueAndTimestamp) {
        String value = valueAndTimestamp.split("\\s+")[0];
        BigInteger integer;
        try {
            integer = new BigDecimal(value).toBigIntegerExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("value \"" + value + "\" is not a whole number of bytes");
        }
        if (integer.signum() < 0 || integer.compareTo(MAX_U64) > 0) {
            throw new IllegalArgumentException("value " + value + " is not an LSN (0 to 2^64-1)");
        }
        return new Lsn(integer.longValue());
    }
}

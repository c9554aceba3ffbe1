package io.neonops.controlplane.timing;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Where a command's time goes, for the start-up benchmark: with {@code NEON_OPERATOR_TIMING=1} in the environment
 * each {@link #mark} prints one line to stderr with the milliseconds since the command was launched and since the
 * previous mark. {@code bin/neon-operator} passes its own start time in {@code NEON_OPERATOR_TIMING_START} (epoch
 * seconds with a fraction, bash's {@code $EPOCHREALTIME}), so the first mark shows what the JVM's start cost; without
 * it the times count from the first mark. Otherwise a mark costs nothing.
 */
public final class PhaseTimings {
    private static final boolean ENABLED = "1".equals(System.getenv("NEON_OPERATOR_TIMING"));
    private static long startMillis = ENABLED ? launchMillis() : 0;
    private static long previousMillis = startMillis;

    private PhaseTimings() {
    }

    /** Notes that {@code phase} has just ended. */
    public static synchronized void mark(String phase) {
        if (!ENABLED) {
            return;
        }
        long now = System.currentTimeMillis();
        if (startMillis == 0) {
            startMillis = now;
            previousMillis = now;
        }
        // one write, so that the line is not interleaved with other output
        System.err.print(String.format(Locale.ROOT, "neon-operator timing: %-28s at %5d ms (+%d ms)%n", phase,
                now - startMillis, now - previousMillis));
        System.err.flush();
        previousMillis = now;
    }

    /** When the launcher started, or 0 when it did not say. */
    private static long launchMillis() {
        String launched = System.getenv("NEON_OPERATOR_TIMING_START");
        if (launched == null) {
            return 0;
        }
        try {
            // a locale may write the fraction after a comma
            return new BigDecimal(launched.strip().replace(',', '.')).movePointRight(3).longValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

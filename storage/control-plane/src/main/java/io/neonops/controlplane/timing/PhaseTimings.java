package io.neonops.controlplane.timing;

import java.time.Instant;
import java.util.Locale;

/**
 * Where a command's time goes, for the start-up benchmark: with {@code NEON_OPERATOR_TIMING=1} in the environment
 * each {@link #mark} prints one line to stderr with the milliseconds since the process started (the launcher
 * script execs java, so this includes the script and the JVM's own start) and since the previous mark. Otherwise
 * a mark costs nothing.
 */
public final class PhaseTimings {
    public static final String VARIABLE = "NEON_OPERATOR_TIMING";

    private static final boolean ENABLED = "1".equals(System.getenv(VARIABLE));
    private static final long PROCESS_START_MILLIS = ENABLED ? processStartMillis() : 0;
    private static long previousMillis = PROCESS_START_MILLIS;

    private PhaseTimings() {
    }

    /** Notes that {@code phase} has just ended. */
    public static synchronized void mark(String phase) {
        if (!ENABLED) {
            return;
        }
        long now = System.currentTimeMillis();
        System.err.printf(Locale.ROOT, "neon-operator timing: %-28s at %5d ms (+%d ms)%n", phase,
                now - PROCESS_START_MILLIS, now - previousMillis);
        System.err.flush();
        previousMillis = now;
    }

    private static long processStartMillis() {
        // the kernel counts in clock ticks (10 ms): precise enough to tell the JVM's start from the command's work
        return ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElseGet(System::currentTimeMillis);
    }
}

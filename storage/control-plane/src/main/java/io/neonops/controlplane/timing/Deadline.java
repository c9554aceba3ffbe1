package io.neonops.controlplane.timing;

import java.io.InterruptedIOException;
import java.time.Duration;

/** A point in (monotonic) time by which a wait gives up, and the pause between two polls of a condition. */
public record Deadline(long nanoTime) {

    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    public boolean expired() {
        return System.nanoTime() - nanoTime >= 0;
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
    }

    /** Sleeps for {@code interval}, or less when the deadline comes first. */
    public void pause(Duration interval) throws InterruptedIOException {
        Duration sleep = interval.compareTo(remaining()) < 0 ? interval : remaining();
        try {
            Thread.sleep(sleep.toMillis(), (int) (sleep.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting");
        }
    }

    /** Rounds a timeout for messages: "10s", "250ms". */
    public static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
    }
}

package io.neonops.operator.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for a condition by polling, with a generous deadline for a shared, noisy machine. */
public final class Poll {

    public static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long INTERVAL_MILLIS = 50;

    private Poll() {
    }

    public static void until(String what, Supplier<Boolean> condition) {
        value(what, () -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** The first present value {@code probe} returns. */
    public static <T> T value(String what, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting after " + DEADLINE.toSeconds() + "s for: " + what);
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}

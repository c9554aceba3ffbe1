package io.neonops.operator.testing;

import io.neonops.controlplane.timing.Deadline;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for a condition by polling, with a generous deadline for a shared, noisy machine. */
public final class Poll {

    public static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration INTERVAL = Duration.ofMillis(50);

    private Poll() {
    }

    public static void until(String what, Supplier<Boolean> condition) {
        value(what, () -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** The first present value {@code probe} returns. */
    public static <T> T value(String what, Supplier<Optional<T>> probe) {
        Deadline deadline = Deadline.after(DEADLINE);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (deadline.expired()) {
                throw new AssertionError("gave up waiting after " + DEADLINE.toSeconds() + "s for: " + what);
            }
            try {
                deadline.pause(INTERVAL);
            } catch (InterruptedIOException e) {
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}

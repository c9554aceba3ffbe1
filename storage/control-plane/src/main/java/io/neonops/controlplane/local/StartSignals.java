package io.neonops.controlplane.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during {@code local start}: instead of the JVM's default (exit at once, leaving half
 * a cluster and a child that may not have written its pid file yet), the first such signal interrupts the starting
 * thread, whose start then rolls back what it started. Later signals are ignored so that the roll-back finishes;
 * SIGKILL still ends everything. Where the JVM does not let us handle a signal (-Xrs), its default stays.
 * sun.misc.Signal (module jdk.unsupported) is the JDK's only way to handle a signal, hence javac's warning.
 */
final class StartSignals implements AutoCloseable {
    private static final List<String> HANDLED = List.of("INT", "TERM");

    private final AtomicReference<String> received = new AtomicReference<>();
    private final Map<Signal, SignalHandler> previous;

    private StartSignals(Thread starter) {
        SignalHandler interrupt = signal -> {
            if (received.compareAndSet(null, "SIG" + signal.getName())) {
                starter.interrupt();
            }
        };
        Map<Signal, SignalHandler> installed = new LinkedHashMap<>();
        for (String name : HANDLED) {
            Signal signal = new Signal(name);
            try {
                installed.put(signal, Signal.handle(signal, interrupt));
            } catch (IllegalArgumentException e) {
                // reserved by the JVM (-Xrs): the default action stays
            }
        }
        this.previous = installed;
    }

    /** Handles the signals for the current thread until closed. */
    static StartSignals interruptCurrentThread() {
        return new StartSignals(Thread.currentThread());
    }

    /** The first signal received ({@code SIGINT}), if any; the interrupt it caused is cleared, for the roll-back. */
    Optional<String> takeReceived() {
        Optional<String> signal = Optional.ofNullable(received.get());
        if (signal.isPresent()) {
            Thread.interrupted();
        }
        return signal;
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}

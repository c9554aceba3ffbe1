package io.neonops.operator.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import sun.misc.Signal;

/**
 * SIGTERM (what the kubelet sends) and SIGINT (Ctrl-C) ask the operator to stop. Handling them, rather than
 * leaving them to the JVM's shutdown hooks, lets the command stop gracefully and still exit with status 0.
 * Closing restores the handlers there were before. sun.misc.Signal (module jdk.unsupported) is the JDK's only
 * way to handle a signal, hence javac's warning about it.
 */
public final class StopSignals implements AutoCloseable {

    static final List<String> SIGNALS = List.of("TERM", "INT");

    private final List<Runnable> restore = new ArrayList<>();
    private final CompletableFuture<String> received = new CompletableFuture<>();

    private StopSignals() {
    }

    public static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : SIGNALS) {
            var signal = new Signal(name);
            var previous = Signal.handle(signal, s -> signals.received.complete("SIG" + s.getName()));
            signals.restore.add(() -> Signal.handle(signal, previous));
        }
        return signals;
    }

    /** Completes with the first signal's name, e.g. {@code SIGTERM}. */
    public CompletableFuture<String> received() {
        return received;
    }

    @Override
    public void close() {
        restore.forEach(Runnable::run);
    }
}

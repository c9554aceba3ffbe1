package io.neonops.operator.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM (what the kubelet sends) and SIGINT (Ctrl-C) ask the operator to stop. Handling them, rather than
 * leaving them to the JVM's shutdown hooks, lets the command stop gracefully and still exit with status 0.
 * Closing restores the handlers there were before. sun.misc.Signal is the JDK's supported way to handle
 * signals (module jdk.unsupported), hence the suppressed warning.
 */
@SuppressWarnings("sunapi")
public final class StopSignals implements AutoCloseable {

    static final List<String> SIGNALS = List.of("TERM", "INT");

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final CompletableFuture<String> received = new CompletableFuture<>();

    private StopSignals() {
    }

    public static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            signals.previous.put(signal, Signal.handle(signal, s -> signals.received.complete("SIG" + s.getName())));
        }
        return signals;
    }

    /** Completes with the first signal's name, e.g. {@code SIGTERM}. */
    public CompletableFuture<String> received() {
        return received;
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}

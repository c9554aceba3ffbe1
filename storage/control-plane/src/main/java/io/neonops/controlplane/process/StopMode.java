package io.neonops.controlplane.process;

import io.neonops.controlplane.posix.Signal;

/** How to ask a daemon to stop. */
public enum StopMode {
    /** SIGTERM: the daemon shuts down cleanly. */
    FAST(Signal.SIGTERM),
    /** SIGQUIT: Neon's daemons exit at once, without a clean shutdown. */
    IMMEDIATE(Signal.SIGQUIT);

    private final Signal signal;

    StopMode(Signal signal) {
        this.signal = signal;
    }

    public Signal signal() {
        return signal;
    }
}

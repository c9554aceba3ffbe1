package io.neonops.controlplane.posix;

/** The signals the control plane sends to daemons. */
public enum Signal {
    /** Postgres's fast shutdown: clients are disconnected rather than waited for. */
    SIGINT(jnr.constants.platform.Signal.SIGINT),
    SIGTERM(jnr.constants.platform.Signal.SIGTERM),
    SIGQUIT(jnr.constants.platform.Signal.SIGQUIT),
    SIGKILL(jnr.constants.platform.Signal.SIGKILL);

    private final int number;

    Signal(jnr.constants.platform.Signal platform) {
        this.number = platform.intValue();
    }

    public int number() {
        return number;
    }
}

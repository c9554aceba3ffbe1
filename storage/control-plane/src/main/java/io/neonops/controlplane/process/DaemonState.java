package io.neonops.controlplane.process;

/** Whether a daemon runs, as its pid file and launch lock tell. */
public sealed interface DaemonState {

    /** A process holds the pid file. */
    record Running(long pid) implements DaemonState {
    }

    /** The pid file exists but nobody holds it: the daemon has exited. */
    record Stale() implements DaemonState {
    }

    /** There is no pid file: the daemon was never started here. */
    record Absent() implements DaemonState {
    }

    /** A start or stop of the daemon is in progress. */
    record Busy() implements DaemonState {
    }
}

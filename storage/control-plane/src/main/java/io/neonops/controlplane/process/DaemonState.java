package io.neonops.controlplane.process;

/** Whether a daemon runs, as its pid file and launch lock tell. */
public sealed interface DaemonState {

    /** A process holds the pid file. */
    record Running(long pid) implements DaemonState {
    }

    /**
     * A process holds the pid file, but not the one it names ({@code verdict} says which and why): whatever runs
     * there is not signalled and not started again.
     */
    record LockedByOther(long namedPid, String verdict) implements DaemonState {
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

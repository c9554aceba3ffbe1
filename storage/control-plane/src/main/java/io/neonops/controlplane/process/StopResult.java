package io.neonops.controlplane.process;

/** What {@link DaemonLauncher#stop} did. */
public sealed interface StopResult {

    /** There is no pid file: the daemon was never started here. */
    record NotRunning() implements StopResult {
    }

    /** The pid file is not locked (or names a pid that no longer exists): nothing was signalled, the file stays. */
    record Stale() implements StopResult {
    }

    /** The daemon with this pid was signalled and has exited. */
    record Stopped(long pid) implements StopResult {
    }
}

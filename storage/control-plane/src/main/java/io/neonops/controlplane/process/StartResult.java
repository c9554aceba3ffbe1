package io.neonops.controlplane.process;

/** What {@link DaemonLauncher#start} did. */
public sealed interface StartResult {
    long pid();

    /** The daemon was spawned by this call and is ready. */
    record Started(long pid) implements StartResult {
    }

    /** A daemon already held the pid file; nothing was spawned. */
    record AlreadyRunning(long pid) implements StartResult {
    }
}

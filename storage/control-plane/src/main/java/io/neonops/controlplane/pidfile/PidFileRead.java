package io.neonops.controlplane.pidfile;

/** What {@link PidFile#read} found. */
public sealed interface PidFileRead {

    /** No file exists at the path. */
    record NotExist() implements PidFileRead {
    }

    /**
     * The file exists but no process holds its lock: whatever pid it names is stale and must not be signalled.
     * The reader now holds the lock through {@code guard}, so no one can claim the file until it is closed.
     */
    record NotHeldByAnyProcess(PidFileGuard guard) implements PidFileRead {
    }

    /**
     * A live process holds the lock and the file names {@code pid}. The process may exit at any moment, after
     * which the kernel may recycle the pid: act on it at once or not at all.
     */
    record LockedByOtherProcess(long pid) implements PidFileRead {
    }
}

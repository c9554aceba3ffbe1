package io.neonops.controlplane.pidfile;

import java.nio.file.Path;

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
     * The file names {@code pid}, and that process was proven (through /proc) to hold the lock. The process may
     * exit at any moment, after which the kernel may recycle the pid: act on it at once or not at all.
     */
    record LockedByOtherProcess(long pid) implements PidFileRead {
    }

    /**
     * A process holds the lock, but not (provably) the one the file names: the content was edited, or never
     * rewritten. Nothing may be signalled; {@code reason} says why the named pid is not the holder, and who is.
     */
    record LockedByUnnamedProcess(long namedPid, String reason) implements PidFileRead {

        /** {@code pid file F is locked by a process that is not pid N (reason)}. */
        public String describe(Path file) {
            return "pid file " + file + " is locked by a process that is not pid " + namedPid + " (" + reason + ")";
        }
    }
}

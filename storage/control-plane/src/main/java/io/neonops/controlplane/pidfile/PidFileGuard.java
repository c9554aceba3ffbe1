package io.neonops.controlplane.pidfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import io.neonops.controlplane.posix.Posix;

/**
 * An open descriptor holding the flock of a pid file; the lock lasts until {@link #close} (or until every
 * process that shares the descriptor has closed it). Closing never deletes the file.
 */
public final class PidFileGuard implements AutoCloseable {
    private final Path path;
    private final int fd;
    private final boolean writable;
    private final AtomicBoolean closed = new AtomicBoolean();

    PidFileGuard(Path path, int fd, boolean writable) {
        this.path = path;
        this.fd = fd;
        this.writable = writable;
    }

    public Path path() {
        return path;
    }

    /** The locked descriptor, to hand the lock to a child process that outlives this guard. */
    public int descriptor() {
        ensureOpen();
        return fd;
    }

    /**
     * Replaces the recorded pid, for a claim handed to a child: the file must name the child, whose copy of the
     * descriptor keeps the lock after this guard closes.
     */
    public void recordPid(long pid) throws IOException {
        ensureOpen();
        if (!writable) {
            throw new IllegalStateException("the guard of a read of " + path + " cannot record a pid; claim the file instead");
        }
        PidFile.writePid(fd, path, pid);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("pid file guard of " + path + " is closed");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Posix.close(fd);
        }
    }
}

package io.neonops.controlplane.pidfile;

import java.io.IOException;
import java.nio.file.Path;

/** A claim failed because another process (or another descriptor) holds the pid file's lock. */
public final class PidFileLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    PidFileLockedException(Path path, String holder) {
        super("pid file " + path + " is locked by " + holder);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}

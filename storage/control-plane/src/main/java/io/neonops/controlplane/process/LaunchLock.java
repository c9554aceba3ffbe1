package io.neonops.controlplane.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.neonops.controlplane.posix.Posix;
import io.neonops.controlplane.timing.Deadline;

/**
 * Serialises starts and stops of one daemon across processes: {@code <name>.launch.lock} next to its pid file,
 * flocked exclusively for the whole start or stop. A second start therefore finds the first daemon ready instead
 * of spawning another, and a stop never reads the launcher's own pid in a pid file that is being handed to a
 * child. A state query shares the lock, so it never reads (and briefly locks) a pid file that a daemon being
 * started is about to claim.
 */
final class LaunchLock implements AutoCloseable {
    private static final Duration RETRY_INTERVAL = Duration.ofMillis(50);

    private final int fd;

    private LaunchLock(int fd) {
        this.fd = fd;
    }

    static Path fileFor(String name, Path pidFile) {
        return pidFile.toAbsolutePath().resolveSibling(name + ".launch.lock");
    }

    static LaunchLock acquire(String name, Path pidFile, Duration timeout) throws IOException {
        Path file = fileFor(name, pidFile);
        int fd = Posix.openReadWrite(file);
        try {
            Deadline deadline = Deadline.after(timeout);
            while (!Posix.tryLockExclusive(fd, file)) {
                if (deadline.expired()) {
                    throw new IOException("another start or stop of " + name + " has been running for more than "
                            + Deadline.describe(timeout) + " (" + file + " is locked)");
                }
                deadline.pause(RETRY_INTERVAL);
            }
            return new LaunchLock(fd);
        } catch (IOException | RuntimeException e) {
            Posix.close(fd);
            throw e;
        }
    }

    /** The lock shared, at once, or empty while a start or stop holds it. */
    static Optional<LaunchLock> tryShared(String name, Path pidFile) throws IOException {
        Path file = fileFor(name, pidFile);
        int fd = Posix.openReadWrite(file);
        try {
            if (Posix.tryLockShared(fd, file)) {
                return Optional.of(new LaunchLock(fd));
            }
        } catch (IOException | RuntimeException e) {
            Posix.close(fd);
            throw e;
        }
        Posix.close(fd);
        return Optional.empty();
    }

    @Override
    public void close() {
        Posix.close(fd);
    }
}

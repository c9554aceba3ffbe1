package io.neonops.controlplane.posix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;

/**
 * The few POSIX calls behind pid files and daemons (through {@link LibC}), each failure turned into an
 * IOException that names the file or process and the system's reason.
 */
public final class Posix {
    // jnr-constants has no LOCK_* values; these are the Linux ones
    private static final int LOCK_SH = 1;
    private static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;
    private static final int WNOHANG = 1;
    private static final int FILE_MODE = 0644;
    // every descriptor the JVM opens here is close-on-exec, so no child inherits it by accident
    private static final int CLOEXEC = OpenFlags.O_CLOEXEC.intValue();

    private Posix() {
    }

    /**
     * Binds libc on a thread of its own, so that a command that will need it (every local command) has it ready by
     * the time its arguments are parsed and its manifest read, instead of binding it on its first call.
     */
    public static void bindInBackground() {
        Thread binder = new Thread(LibC::c, "libc-binder");
        binder.setDaemon(true);
        binder.start();
    }

    /** Opens (creating, never truncating) a file for reading and writing. */
    public static int openReadWrite(Path path) throws IOException {
        return open(path, OpenFlags.O_RDWR.intValue() | OpenFlags.O_CREAT.intValue());
    }

    /** Opens an existing file for reading; empty when it does not exist. */
    public static OptionalInt openReadOnlyIfExists(Path path) throws IOException {
        int fd = LibC.c().open(path.toString(), OpenFlags.O_RDONLY.intValue() | CLOEXEC, 0);
        if (fd < 0) {
            int errno = LibC.errno();
            if (errno == Errno.ENOENT.intValue()) {
                return OptionalInt.empty();
            }
            throw failure("open", path, errno);
        }
        return OptionalInt.of(fd);
    }

    /** Opens (creating) a file for appending, as a log. */
    public static int openAppend(Path path) throws IOException {
        return open(path, OpenFlags.O_WRONLY.intValue() | OpenFlags.O_CREAT.intValue() | OpenFlags.O_APPEND.intValue());
    }

    private static int open(Path path, int flags) throws IOException {
        int fd = LibC.c().open(path.toString(), flags | CLOEXEC, FILE_MODE);
        if (fd < 0) {
            throw failure("open", path, LibC.errno());
        }
        return fd;
    }

    /** flock(LOCK_EX|LOCK_NB): true when this descriptor now holds the lock, false when another holds it. */
    public static boolean tryLockExclusive(int fd, Path path) throws IOException {
        return tryLock(fd, path, LOCK_EX);
    }

    /** flock(LOCK_SH|LOCK_NB): true when this descriptor now shares the lock, false when another holds it exclusively. */
    public static boolean tryLockShared(int fd, Path path) throws IOException {
        return tryLock(fd, path, LOCK_SH);
    }

    private static boolean tryLock(int fd, Path path, int operation) throws IOException {
        if (LibC.c().flock(fd, operation | LOCK_NB) == 0) {
            return true;
        }
        int errno = LibC.errno();
        if (errno == Errno.EWOULDBLOCK.intValue() || errno == Errno.EAGAIN.intValue()) {
            return false;
        }
        throw failure("flock", path, errno);
    }

    /** Replaces the whole content of the file: truncate, write at offset 0, fsync. */
    public static void replaceContent(int fd, Path path, String content) throws IOException {
        if (LibC.c().ftruncate(fd, 0) != 0) {
            throw failure("truncate", path, LibC.errno());
        }
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        // pwrite, not write: a descriptor handed to a child shares its file offset with the child
        long written = LibC.c().pwrite(fd, bytes, bytes.length, 0);
        if (written != bytes.length) {
            throw written < 0 ? failure("write", path, LibC.errno())
                    : new IOException("write " + path + ": wrote " + written + " of " + bytes.length + " bytes");
        }
        fsync(fd, path);
    }

    /** Reads at most {@code limit} bytes from the start of the file. */
    public static String readFromStart(int fd, Path path, int limit) throws IOException {
        byte[] buffer = new byte[limit];
        long read = LibC.c().pread(fd, buffer, limit, 0);
        if (read < 0) {
            throw failure("read", path, LibC.errno());
        }
        return new String(Arrays.copyOf(buffer, (int) read), StandardCharsets.US_ASCII);
    }

    public static void fsync(int fd, Path path) throws IOException {
        if (LibC.c().fsync(fd) != 0) {
            throw failure("fsync", path, LibC.errno());
        }
    }

    /** fsyncs a directory, so that a file just created in it survives a crash. */
    public static void fsyncDirectory(Path directory) throws IOException {
        int fd = LibC.c().open(directory.toString(), OpenFlags.O_RDONLY.intValue() | OpenFlags.O_DIRECTORY.intValue() | CLOEXEC, 0);
        if (fd < 0) {
            throw failure("open directory", directory, LibC.errno());
        }
        try {
            fsync(fd, directory);
        } finally {
            close(fd);
        }
    }

    /** Closes a descriptor; a failing close has nothing left to undo, so it is not reported. */
    public static void close(int fd) {
        LibC.c().close(fd);
    }

    /** Sends a signal; false when no process has that pid. */
    public static boolean kill(long pid, Signal signal) throws IOException {
        return killRaw(pid, signal);
    }

    /** Sends a signal to every process of the group that {@code groupLeader} leads; false when the group is empty. */
    public static boolean killGroup(long groupLeader, Signal signal) throws IOException {
        return killRaw(-groupLeader, signal);
    }

    private static boolean killRaw(long target, Signal signal) throws IOException {
        if (LibC.c().kill(Math.toIntExact(target), signal.number()) == 0) {
            return true;
        }
        int errno = LibC.errno();
        if (errno == Errno.ESRCH.intValue()) {
            return false;
        }
        throw new IOException("cannot send " + signal + " to pid " + target + ": " + LibC.c().strerror(errno));
    }

    /** Blocks until the child {@code pid} of this process exits, and reaps it. */
    public static ExitStatus waitForExit(long pid) throws IOException {
        return waitpid(pid, 0).orElseThrow();
    }

    /** Reaps the child {@code pid} when it has exited; empty, at once, while it runs. */
    public static Optional<ExitStatus> reapIfExited(long pid) throws IOException {
        return waitpid(pid, WNOHANG);
    }

    private static Optional<ExitStatus> waitpid(long pid, int options) throws IOException {
        int[] status = new int[1];
        while (true) {
            int result = LibC.c().waitpid(Math.toIntExact(pid), status, options);
            if (result == pid) {
                return Optional.of(new ExitStatus(status[0]));
            }
            if (result == 0) {
                return Optional.empty();
            }
            int errno = LibC.errno();
            if (errno != Errno.EINTR.intValue()) {
                throw new IOException("waitpid " + pid + ": " + LibC.c().strerror(errno));
            }
        }
    }

    static IOException failure(String operation, Path path, int errno) {
        return new IOException(operation + " " + path + ": " + LibC.c().strerror(errno));
    }

    static String describeErrno(int errno) {
        return LibC.c().strerror(errno);
    }
}

package io.neonops.controlplane.pidfile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

import io.neonops.controlplane.posix.Posix;
import io.neonops.controlplane.timing.Deadline;

/**
 * The pid-file protocol of Neon's daemons: a pid file is a file naming the pid of the single process of its kind,
 * valid exactly while that process holds an exclusive flock on it. Staleness is told by the lock, never by the
 * content, so a pid file is never deleted (deleting would let two claimers lock two different inodes).
 */
public final class PidFile {
    // a pid has at most 7 digits on Linux; anything longer than this is garbage, shown shortened
    private static final int READ_LIMIT = 64;
    // a claimer truncates before writing: a locked but empty file is that moment, not garbage, for this long
    private static final Duration EMPTY_WHILE_CLAIMING = Duration.ofSeconds(1);
    private static final Duration EMPTY_RETRY_INTERVAL = Duration.ofMillis(10);

    private PidFile() {
    }

    /**
     * Claims the pid file for the current process: opens it without truncating, takes flock(LOCK_EX|LOCK_NB),
     * then replaces the content with the decimal pid and fsyncs. The claim lasts until the guard is closed.
     *
     * @throws PidFileLockedException when another holder has the lock
     */
    public static PidFileGuard claim(Path path) throws IOException {
        Path file = path.toAbsolutePath();
        int fd = Posix.openReadWrite(file);
        try {
            if (!Posix.tryLockExclusive(fd, file)) {
                throw new PidFileLockedException(file, describeHolder(fd, file));
            }
            writePid(fd, file, ProcessHandle.current().pid());
            Path directory = file.getParent();
            if (directory != null) {
                Posix.fsyncDirectory(directory);
            }
            return new PidFileGuard(file, fd, true);
        } catch (IOException | RuntimeException e) {
            Posix.close(fd);
            throw e;
        }
    }

    /** Reads the pid file; see {@link PidFileRead} for what each answer allows. */
    public static PidFileRead read(Path path) throws IOException {
        Path file = path.toAbsolutePath();
        Deadline giveUpOnEmpty = Deadline.after(EMPTY_WHILE_CLAIMING);
        while (true) {
            OptionalInt opened = Posix.openReadOnlyIfExists(file);
            if (opened.isEmpty()) {
                return new PidFileRead.NotExist();
            }
            int fd = opened.getAsInt();
            String content;
            FlockHolders.FileIdentity identity;
            try {
                if (Posix.tryLockExclusive(fd, file)) {
                    return new PidFileRead.NotHeldByAnyProcess(new PidFileGuard(file, fd, false));
                }
                content = Posix.readFromStart(fd, file, READ_LIMIT).trim();
                // the file as opened, which a rename meanwhile cannot change
                identity = FlockHolders.FileIdentity.ofDescriptor(fd);
            } catch (IOException | RuntimeException e) {
                Posix.close(fd);
                throw e;
            }
            Posix.close(fd);
            if (!content.isEmpty() || giveUpOnEmpty.expired()) {
                return lockedBy(parsePid(file, content), identity);
            }
            giveUpOnEmpty.pause(EMPTY_RETRY_INTERVAL);
        }
    }

    /** The named pid when /proc proves it holds the lock; otherwise why not, and who does. */
    private static PidFileRead lockedBy(long pid, FlockHolders.FileIdentity identity) {
        if (FlockHolders.check(pid, identity) instanceof FlockHolders.Verdict.NotProven notProven) {
            return new PidFileRead.LockedByUnnamedProcess(pid, notProven.reason() + "; " + FlockHolders.holdersClause(identity));
        }
        return new PidFileRead.LockedByOtherProcess(pid);
    }

    static void writePid(int fd, Path file, long pid) throws IOException {
        Posix.replaceContent(fd, file, Long.toString(pid));
    }

    static long parsePid(Path file, String content) throws IOException {
        if (content.isEmpty()) {
            throw new IOException("pid file " + file + " is locked by a process but is empty");
        }
        if (!content.chars().allMatch(Character::isDigit) || content.length() > 18) {
            throw new IOException("pid file " + file + " is locked by a process but holds garbage instead of a pid: '"
                    + shorten(content) + "'");
        }
        long pid = Long.parseLong(content);
        if (pid < 1) {
            throw new IOException("pid file " + file + " is locked by a process but holds the invalid pid " + pid);
        }
        return pid;
    }

    private static String describeHolder(int fd, Path file) {
        try {
            return "pid " + parsePid(file, Posix.readFromStart(fd, file, READ_LIMIT).trim());
        } catch (IOException e) {
            return "another process";
        }
    }

    private static String shorten(String content) {
        String printable = content.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 32 ? printable : printable.substring(0, 32) + "...";
    }
}

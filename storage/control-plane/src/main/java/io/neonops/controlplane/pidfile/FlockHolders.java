package io.neonops.controlplane.pidfile;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which processes hold the exclusive flock of a file, proven from /proc rather than believed from a pid file's
 * content (which anyone can edit).
 *
 * <p>The proof that pid P holds the lock: P has a descriptor N such that
 * <ol>
 * <li>{@code /proc/P/fd/N} is the same file as the pid file (same device and inode, both seen through stat), and
 * <li>{@code /proc/P/fdinfo/N} shows a {@code FLOCK ... WRITE} lock on that inode. The kernel lists there only the
 * locks owned by that very open file description, and an exclusive flock has exactly one owning description, so
 * P holds the lock through it.
 * </ol>
 * A descriptor inherited across fork and exec shares the open file description, so this holds for etcd, which
 * inherits the launcher's locked descriptor. {@code /proc/locks} alone is not enough: it names the pid that took
 * the lock (the long-gone launcher, for etcd), not the processes holding it. Only the inode number of the lock line
 * is compared: on overlay file systems the device a lock line names is the backing one, not the one stat reports.
 */
final class FlockHolders {
    private static final Path PROC = Path.of("/proc");
    private static final String LOCK_LINE = "lock:";

    /** A file as stat sees it. */
    record FileIdentity(long device, long inode) {

        /** The file an open descriptor of this process refers to (not whatever the path names now). */
        static FileIdentity ofDescriptor(int fd) throws IOException {
            return of(PROC.resolve("self/fd").resolve(Integer.toString(fd)));
        }

        static FileIdentity of(Path path) throws IOException {
            Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino");
            return new FileIdentity(((Number) attributes.get("dev")).longValue(), ((Number) attributes.get("ino")).longValue());
        }
    }

    /** Whether a process holds the lock. */
    sealed interface Verdict {
        /** The process holds the lock (through one of its descriptors). */
        record Holds() implements Verdict {
        }

        /** The process is not proven to hold the lock, for this reason (one clause, for messages). */
        record NotProven(String reason) implements Verdict {
        }
    }

    private FlockHolders() {
    }

    static Verdict check(long pid, FileIdentity file) {
        Path fdDirectory = PROC.resolve(Long.toString(pid)).resolve("fd");
        List<Path> descriptors = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fdDirectory)) {
            entries.forEach(descriptors::add);
        } catch (NoSuchFileException e) {
            return new Verdict.NotProven("no process has pid " + pid);
        } catch (AccessDeniedException e) {
            return new Verdict.NotProven("pid " + pid + " is not ours to inspect (" + fdDirectory + ": permission denied)");
        } catch (IOException e) {
            return new Verdict.NotProven("cannot inspect pid " + pid + " (" + fdDirectory + ": " + e.getMessage() + ")");
        }
        for (Path descriptor : descriptors) {
            if (holdsThrough(pid, descriptor, file)) {
                return new Verdict.Holds();
            }
        }
        return new Verdict.NotProven("pid " + pid + " has no descriptor holding the lock on this file");
    }

    /**
     * The processes that hold the lock, found by the same proof over every process we may inspect; for messages
     * only, so that the real holder can be named.
     */
    static List<Long> find(FileIdentity file) {
        TreeSet<Long> holders = new TreeSet<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (check(pid, file) instanceof Verdict.Holds) {
                    holders.add(pid);
                }
            }
        } catch (IOException e) {
            // what was found so far is still true; the message only loses names
        }
        return List.copyOf(holders);
    }

    /** {@code "pid 12 (etcd)"}, with the command name when it can be read. */
    static String describe(long pid) {
        try {
            return "pid " + pid + " (" + Files.readString(PROC.resolve(Long.toString(pid)).resolve("comm")).strip() + ")";
        } catch (IOException e) {
            return "pid " + pid;
        }
    }

    private static boolean holdsThrough(long pid, Path descriptor, FileIdentity file) {
        try {
            // the identity first: a descriptor on another file is never read further
            if (!FileIdentity.of(descriptor).equals(file)) {
                return false;
            }
            Path info = PROC.resolve(Long.toString(pid)).resolve("fdinfo").resolve(descriptor.getFileName());
            return Files.readAllLines(info).stream().anyMatch(line -> isExclusiveFlockOn(line, file.inode()));
        } catch (IOException e) {
            // closed meanwhile, or not ours: no proof from this descriptor
            return false;
        }
    }

    /** {@code lock:	1: FLOCK  ADVISORY  WRITE 5396 fe:00:2146716 0 EOF} */
    static boolean isExclusiveFlockOn(String line, long inode) {
        if (!line.startsWith(LOCK_LINE)) {
            return false;
        }
        String[] fields = line.substring(LOCK_LINE.length()).trim().split("\\s+");
        if (fields.length < 6 || !fields[1].equals("FLOCK") || !fields[3].equals("WRITE")) {
            return false;
        }
        String[] deviceAndInode = fields[5].split(":");
        return deviceAndInode.length == 3 && deviceAndInode[2].equals(Long.toString(inode));
    }

    /** Who holds the lock, as a clause for messages. */
    static String holdersClause(FileIdentity file) {
        List<Long> holders = find(file);
        if (holders.isEmpty()) {
            return "the lock is held by a process we cannot inspect";
        }
        return "the lock is held by " + String.join(", ", holders.stream().map(FlockHolders::describe).toList());
    }
}

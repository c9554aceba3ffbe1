package io.neonops.controlplane.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a pid is a running process. A zombie counts as exited: its descriptors (and so its pid-file lock) are
 * gone, and when its parent does not reap (an orphan under a container's init), it would otherwise never "exit".
 */
public final class ProcessLiveness {

    private ProcessLiveness() {
    }

    public static boolean isRunning(long pid) throws IOException {
        return state(pid).filter(state -> !isExitState(state)).isPresent();
    }

    /**
     * Whether the pid is a process that has exited but is still listed (state Z or X). The leader of a
     * multithreaded process is one while its other threads still exit, holding the descriptors they share.
     */
    public static boolean isExiting(long pid) throws IOException {
        return state(pid).filter(ProcessLiveness::isExitState).isPresent();
    }

    private static boolean isExitState(char state) {
        return state == 'Z' || state == 'X';
    }

    /** The state letter of /proc/P/stat; empty when no process has the pid. */
    private static Optional<Character> state(long pid) throws IOException {
        Path entry = Path.of("/proc", Long.toString(pid));
        String stat;
        try {
            stat = Files.readString(entry.resolve("stat"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // reaped between open and read, the read fails with ESRCH
            if (!Files.exists(entry)) {
                return Optional.empty();
            }
            throw e;
        }
        // the state follows the command name, which is in parentheses and may itself contain ") "
        int afterName = stat.lastIndexOf(')');
        if (afterName < 0 || afterName + 2 >= stat.length()) {
            throw new IOException("cannot parse /proc/" + pid + "/stat: " + stat);
        }
        return Optional.of(stat.charAt(afterName + 2));
    }
}

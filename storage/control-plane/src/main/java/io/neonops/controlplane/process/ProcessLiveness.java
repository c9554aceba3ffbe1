package io.neonops.controlplane.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Whether a pid is a running process. A zombie counts as exited: its descriptors (and so its pid-file lock) are
 * gone, and when its parent does not reap (an orphan under a container's init), it would otherwise never "exit".
 */
public final class ProcessLiveness {

    private ProcessLiveness() {
    }

    public static boolean isRunning(long pid) throws IOException {
        Path entry = Path.of("/proc", Long.toString(pid));
        String stat;
        try {
            stat = Files.readString(entry.resolve("stat"));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            // reaped between open and read, the read fails with ESRCH
            if (!Files.exists(entry)) {
                return false;
            }
            throw e;
        }
        // the state follows the command name, which is in parentheses and may itself contain ") "
        int afterName = stat.lastIndexOf(')');
        if (afterName < 0 || afterName + 2 >= stat.length()) {
            throw new IOException("cannot parse /proc/" + pid + "/stat: " + stat);
        }
        char state = stat.charAt(afterName + 2);
        return state != 'Z' && state != 'X';
    }
}

package io.neonops.controlplane.posix;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a spawned child gets: the executable (an absolute path), its argv, its whole environment, its working
 * directory, the descriptor its stdout and stderr go to, and optionally one more descriptor that it receives as
 * {@link #HANDED_OVER_FD}. Stdin is /dev/null; no other descriptor reaches the child.
 */
public record SpawnRequest(
        Path executable,
        List<String> argv,
        Map<String, String> environment,
        Path workingDirectory,
        int outputFd,
        OptionalInt handedOverFd) {

    /** The descriptor number under which the child finds {@link #handedOverFd}. */
    public static final int HANDED_OVER_FD = 3;

    public SpawnRequest {
        Objects.requireNonNull(executable, "executable");
        if (!executable.isAbsolute()) {
            throw new IllegalArgumentException("executable must be an absolute path: " + executable);
        }
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must hold at least the program name");
        }
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(handedOverFd, "handedOverFd");
    }
}

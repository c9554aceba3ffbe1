package io.neonops.controlplane.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Finds the binary a daemon runs, the way a shell would, so that a missing one is reported before anything starts. */
final class Executables {

    private Executables() {
    }

    /** An absolute path, or a bare name looked up in the directories of {@code searchPath}. */
    static Path resolve(String binary, String searchPath) throws IOException {
        if (binary.contains("/")) {
            Path path = Path.of(binary).toAbsolutePath();
            if (!Files.exists(path)) {
                throw new IOException("binary " + path + " does not exist");
            }
            if (!isExecutableFile(path)) {
                throw new IOException("binary " + path + " is not an executable file");
            }
            return path;
        }
        return Arrays.stream(searchPath.split(":"))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> candidate(directory, binary))
                .flatMap(Optional::stream)
                .filter(Executables::isExecutableFile)
                .findFirst()
                .orElseThrow(() -> new IOException("binary '" + binary + "' not found on PATH (" + searchPath + ")"));
    }

    private static Optional<Path> candidate(String directory, String binary) {
        try {
            return Optional.of(Path.of(directory, binary).toAbsolutePath());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}

package io.neonops.controlplane.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --dir}: the local cluster's work directory, shared by every local command. */
public final class WorkDirOption {

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".neon",
            description = "the local cluster's work directory (default: ${DEFAULT-VALUE})")
    Path dir;

    /** The work directory; a path that exists but is not a directory is refused, saying what it is. */
    LocalWorkDir workDir() throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("--dir " + dir + " is not a directory (it is " + (Files.isRegularFile(dir) ? "a file"
                    : "a device, pipe or socket") + "); give the local cluster's work directory");
        }
        return new LocalWorkDir(dir);
    }
}

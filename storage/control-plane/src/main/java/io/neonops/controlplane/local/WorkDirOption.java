package io.neonops.controlplane.local;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --dir}: the local cluster's work directory, shared by every local command. */
public final class WorkDirOption {

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".neon",
            description = "the local cluster's work directory (default: ${DEFAULT-VALUE})")
    Path dir;

    LocalWorkDir workDir() {
        return new LocalWorkDir(dir);
    }
}

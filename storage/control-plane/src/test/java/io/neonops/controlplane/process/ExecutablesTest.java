package io.neonops.controlplane.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {

    @TempDir
    Path dir;

    @Test
    void aBareNameIsTheFirstExecutableOfThatNameOnThePath() throws IOException {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.writeString(first.resolve("daemon"), "not executable");
        Path executable = executable(second.resolve("daemon"));

        assertThat(Executables.resolve("daemon", first + "::" + second)).isEqualTo(executable);
    }

    @Test
    void aBareNameMissingFromThePathIsAnErrorNamingThePath() {
        assertThatThrownBy(() -> Executables.resolve("etcd", dir.toString()))
                .hasMessage("binary 'etcd' not found on PATH (" + dir + ")");
    }

    @Test
    void aPathIsUsedAsItIsWhenItIsAnExecutableFile() throws IOException {
        Path executable = executable(dir.resolve("pageserver"));

        assertThat(Executables.resolve(executable.toString(), "")).isEqualTo(executable);
    }

    @Test
    void aPathToNothingOrToANonExecutableIsAnError() throws IOException {
        Path plain = Files.writeString(dir.resolve("safekeeper"), "");

        assertThatThrownBy(() -> Executables.resolve(dir.resolve("missing").toString(), ""))
                .hasMessage("binary " + dir.resolve("missing") + " does not exist");
        assertThatThrownBy(() -> Executables.resolve(plain.toString(), ""))
                .hasMessage("binary " + plain + " is not an executable file");
        assertThatThrownBy(() -> Executables.resolve(dir.toString(), ""))
                .hasMessage("binary " + dir + " is not an executable file");
    }

    private static Path executable(Path path) throws IOException {
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}

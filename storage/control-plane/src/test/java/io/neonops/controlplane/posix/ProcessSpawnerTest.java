package io.neonops.controlplane.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSpawnerTest {
    private static final Path SH = Path.of("/bin/sh");

    @TempDir
    Path dir;

    @Test
    void theChildRunsInItsDirectoryWithExactlyTheGivenEnvironmentAndOutput() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));

        ExitStatus status = run(work, Map.of("GREETING", "hello"), "echo \"$PWD $GREETING\"; env | wc -l; read line || echo stdin-empty");

        assertThat(status).isEqualTo(new ExitStatus(0));
        // sh itself adds PWD (and perhaps SHLVL, OLDPWD) to what it was given
        List<String> output = Files.readAllLines(dir.resolve("out.log"));
        assertThat(output.get(0)).isEqualTo(work + " hello");
        assertThat(Integer.parseInt(output.get(1).strip())).isLessThanOrEqualTo(4);
        assertThat(output.get(2)).isEqualTo("stdin-empty");
    }

    @Test
    void stderrGoesToTheSameOutputAndTheExitCodeIsReported() throws IOException {
        ExitStatus status = run(dir, Map.of(), "echo out; echo err >&2; exit 7");

        assertThat(status.exitedNormally()).isTrue();
        assertThat(status.exitCode()).isEqualTo(7);
        assertThat(status.describe()).isEqualTo("exit code 7");
        assertThat(Files.readAllLines(dir.resolve("out.log"))).containsExactly("out", "err");
    }

    @Test
    void aChildKilledByASignalIsReportedSo() throws IOException {
        ExitStatus status = run(dir, Map.of(), "kill -QUIT $$");

        assertThat(status.exitedNormally()).isFalse();
        assertThat(status.describe()).isEqualTo("killed by signal " + Signal.SIGQUIT.number());
    }

    @Test
    void aMissingWorkingDirectoryFailsTheSpawnNamingIt() throws IOException {
        int out = Posix.openAppend(dir.resolve("out.log"));
        try {
            Path missing = dir.resolve("missing");
            assertThatThrownBy(() -> ProcessSpawner.spawn(new SpawnRequest(SH, List.of("sh", "-c", "true"), Map.of(), missing, out,
                    OptionalInt.empty())))
                    .hasMessageContaining("cannot start /bin/sh in " + missing);
        } finally {
            Posix.close(out);
        }
    }

    private ExitStatus run(Path workingDirectory, Map<String, String> environment, String script) throws IOException {
        int out = Posix.openAppend(dir.resolve("out.log"));
        try {
            long pid = ProcessSpawner.spawn(new SpawnRequest(SH, List.of("sh", "-c", script), environment, workingDirectory, out,
                    OptionalInt.empty()));
            return Posix.waitForExit(pid);
        } finally {
            Posix.close(out);
        }
    }
}

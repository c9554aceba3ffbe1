package io.neonops.controlplane.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.neonops.controlplane.posix.Posix;
import io.neonops.controlplane.posix.ProcessSpawner;
import io.neonops.controlplane.posix.SpawnRequest;
import io.neonops.controlplane.timing.Deadline;

class ProcessLivenessTest {

    @TempDir
    Path dir;

    @Test
    void aLiveProcessIsRunning() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        try {
            assertThat(ProcessLiveness.isRunning(sleeper.pid())).isTrue();
            assertThat(ProcessLiveness.isExiting(sleeper.pid())).isFalse();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void anUnreapedZombieIsNotRunningButExiting() throws IOException {
        int log = Posix.openAppend(dir.resolve("true.log"));
        long pid;
        try {
            pid = ProcessSpawner.spawn(new SpawnRequest(Executables.resolve("true", System.getenv("PATH")), List.of("true"),
                    Map.of(), dir, log, OptionalInt.empty()));
        } finally {
            Posix.close(log);
        }
        try {
            awaitState(pid, 'Z');
            assertThat(ProcessLiveness.isRunning(pid)).isFalse();
            assertThat(ProcessLiveness.isExiting(pid)).isTrue();
        } finally {
            Posix.waitForExit(pid);
        }
        assertThat(ProcessLiveness.isRunning(pid)).isFalse();
        assertThat(ProcessLiveness.isExiting(pid)).isFalse();
    }

    private static void awaitState(long pid, char state) throws IOException {
        Deadline deadline = Deadline.after(Duration.ofSeconds(30));
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        while (true) {
            String content = Files.readString(stat);
            if (content.charAt(content.lastIndexOf(')') + 2) == state) {
                return;
            }
            assertThat(deadline.expired()).as("pid %d reached state %s in time", pid, state).isFalse();
            deadline.pause(Duration.ofMillis(20));
        }
    }
}

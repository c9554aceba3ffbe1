package io.neonops.controlplane.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.neonops.controlplane.timing.Deadline;

/** The libc binding as its callers see it: results, and failures naming the file and the system's reason. */
class PosixTest {

    @TempDir
    Path dir;

    @Test
    void aFailedOpenNamesTheFileAndTheReasonFromErrno() {
        Path missing = dir.resolve("missing/file");

        assertThatThrownBy(() -> Posix.openReadWrite(missing))
                .isInstanceOf(IOException.class)
                .hasMessage("open " + missing + ": No such file or directory");
        assertThatThrownBy(() -> Posix.openReadWrite(dir))
                .hasMessage("open " + dir + ": Is a directory");
    }

    @Test
    void anAbsentFileOpensAsEmptyForReading() throws IOException {
        assertThat(Posix.openReadOnlyIfExists(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void anExclusiveLockIsRefusedToASecondDescriptorUntilTheFirstCloses() throws IOException {
        Path file = dir.resolve("lock");
        int first = Posix.openReadWrite(file);
        int second = Posix.openReadWrite(file);
        try {
            assertThat(Posix.tryLockExclusive(first, file)).isTrue();
            assertThat(Posix.tryLockExclusive(second, file)).isFalse();
            assertThat(Posix.tryLockShared(second, file)).isFalse();
            Posix.close(first);
            assertThat(Posix.tryLockShared(second, file)).isTrue();
        } finally {
            Posix.close(second);
        }
    }

    @Test
    void contentIsReplacedWholeAndReadFromTheStart() throws IOException {
        Path file = dir.resolve("pid");
        Files.writeString(file, "a much longer old content");
        int fd = Posix.openReadWrite(file);
        try {
            Posix.replaceContent(fd, file, "4242");

            assertThat(Posix.readFromStart(fd, file, 64)).isEqualTo("4242");
            assertThat(Posix.readFromStart(fd, file, 2)).isEqualTo("42");
        } finally {
            Posix.close(fd);
        }
        assertThat(file).hasContent("4242");
    }

    @Test
    void aRunningChildIsNotReapedAndAnExitedOneIsWithItsStatus() throws IOException {
        int log = Posix.openAppend(dir.resolve("child.log"));
        long pid;
        try {
            pid = ProcessSpawner.spawn(new SpawnRequest(Path.of("/bin/sleep"), List.of("sleep", "600"), Map.of(), dir, log,
                    OptionalInt.empty()));
        } finally {
            Posix.close(log);
        }

        assertThat(Posix.reapIfExited(pid)).isEmpty();
        assertThat(Posix.kill(pid, Signal.SIGKILL)).isTrue();

        Deadline deadline = Deadline.after(Duration.ofSeconds(30));
        Optional<ExitStatus> status = Posix.reapIfExited(pid);
        while (status.isEmpty() && !deadline.expired()) {
            deadline.pause(Duration.ofMillis(10));
            status = Posix.reapIfExited(pid);
        }
        assertThat(status).map(ExitStatus::describe).contains("killed by signal " + Signal.SIGKILL.number());
    }

    @Test
    void aSignalToAPidThatDoesNotExistReportsFalse() throws IOException {
        Process exited = new ProcessBuilder("true").start();
        exited.onExit().join();

        assertThat(Posix.kill(exited.pid(), Signal.SIGTERM)).isFalse();
    }
}

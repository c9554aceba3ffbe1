package io.neonops.controlplane.pidfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.neonops.controlplane.testsupport.JavaCommand;
import io.neonops.controlplane.timing.Deadline;
import io.neonops.controlplane.testsupport.PidFileHolder;

/** The protocol between real processes: other JVMs claim the pid file. */
class PidFileAcrossProcessesTest {

    @TempDir
    Path dir;

    private final List<Process> holders = new ArrayList<>();

    @AfterEach
    void killHolders() throws InterruptedException {
        for (Process holder : holders) {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Path pidFile() {
        return dir.resolve("daemon.pid");
    }

    @Test
    void aClaimHeldByAnotherJvmReadsAsLockedByItsPid() throws IOException {
        Process holder = startHolder();
        assertThat(firstLine(holder)).isEqualTo("claimed " + holder.pid());

        assertThat(PidFile.read(pidFile())).isEqualTo(new PidFileRead.LockedByOtherProcess(holder.pid()));
        assertThatThrownBy(() -> PidFile.claim(pidFile()))
                .isInstanceOf(PidFileLockedException.class)
                .hasMessageContaining("pid " + holder.pid());
    }

    @Test
    void afterTheHolderDiesTheFileIsNotHeldByAnyProcessAndStillThere() throws Exception {
        Process holder = startHolder();
        assertThat(firstLine(holder)).startsWith("claimed");

        holder.destroyForcibly();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

        PidFileRead read = PidFile.read(pidFile());
        assertThat(read).isInstanceOf(PidFileRead.NotHeldByAnyProcess.class);
        ((PidFileRead.NotHeldByAnyProcess) read).guard().close();
        assertThat(pidFile()).exists().hasContent(Long.toString(holder.pid()));
    }

    @Test
    void ofTwoConcurrentClaimingJvmsExactlyOneWins() throws IOException {
        Process first = startHolder();
        Process second = startHolder();

        List<String> outcomes = List.of(firstLine(first), firstLine(second));

        assertThat(outcomes).filteredOn(line -> line.startsWith("claimed")).hasSize(1);
        assertThat(outcomes).filteredOn(line -> line.startsWith("locked pid file " + pidFile())).hasSize(1);
        long winner = outcomes.get(0).startsWith("claimed") ? first.pid() : second.pid();
        assertThat(PidFile.read(pidFile())).isEqualTo(new PidFileRead.LockedByOtherProcess(winner));
    }

    @Test
    void aLockedFileEditedToNameABystanderReadsAsLockedByAnotherProcessNamingTheRealHolder() throws IOException {
        Process holder = startHolder();
        assertThat(firstLine(holder)).startsWith("claimed");
        Process bystander = startBystander();
        Files.writeString(pidFile(), Long.toString(bystander.pid()));

        PidFileRead read = PidFile.read(pidFile());

        assertThat(read).isInstanceOf(PidFileRead.LockedByUnnamedProcess.class);
        PidFileRead.LockedByUnnamedProcess other = (PidFileRead.LockedByUnnamedProcess) read;
        assertThat(other.namedPid()).isEqualTo(bystander.pid());
        assertThat(other.reason()).isEqualTo("pid " + bystander.pid() + " has no descriptor holding the lock on this file;"
                + " the lock is held by pid " + holder.pid() + " (java)");
        assertThat(bystander.isAlive()).isTrue();
    }

    @Test
    void aLockedFileNamingNoProcessSaysSo() throws IOException {
        Process holder = startHolder();
        assertThat(firstLine(holder)).startsWith("claimed");
        long gone = exitedPid();
        Files.writeString(pidFile(), Long.toString(gone));

        assertThat(PidFile.read(pidFile())).isInstanceOfSatisfying(PidFileRead.LockedByUnnamedProcess.class,
                other -> assertThat(other.reason()).startsWith("no process has pid " + gone + "; the lock is held by pid " + holder.pid()));
    }

    @Test
    @SuppressWarnings("try") // the claim is held for the whole block, never used in it
    void aProcessWithTheFileOpenButWithoutTheLockIsNotTheHolder() throws IOException {
        try (PidFileGuard claim = PidFile.claim(pidFile())) {
            Process reader = new ProcessBuilder("sh", "-c", "exec sleep 600 3<'" + pidFile() + "'").start();
            holders.add(reader);
            awaitDescriptorOn(reader.pid(), pidFile());
            Files.writeString(pidFile(), Long.toString(reader.pid()));

            assertThat(PidFile.read(pidFile())).isInstanceOfSatisfying(PidFileRead.LockedByUnnamedProcess.class,
                    other -> assertThat(other.reason()).isEqualTo("pid " + reader.pid() + " has no descriptor holding the lock"
                            + " on this file; the lock is held by pid " + ProcessHandle.current().pid() + " (java)"));
        }
    }

    private static void awaitDescriptorOn(long pid, Path file) throws IOException {
        Path descriptor = Path.of("/proc", Long.toString(pid), "fd", "3");
        Deadline deadline = Deadline.after(Duration.ofSeconds(30));
        while (!isOpenOn(descriptor, file)) {
            assertThat(deadline.expired()).as("pid %d opened %s within 30s", pid, file).isFalse();
            deadline.pause(Duration.ofMillis(20));
        }
    }

    /** The shell may hold a descriptor 3 of its own for a moment, and close it between two looks. */
    private static boolean isOpenOn(Path descriptor, Path file) throws IOException {
        try {
            return Files.isSameFile(descriptor, file);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private Process startBystander() throws IOException {
        Process bystander = new ProcessBuilder("sleep", "600").start();
        holders.add(bystander);
        return bystander;
    }

    private static long exitedPid() throws IOException {
        Process process = new ProcessBuilder("true").start();
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return process.pid();
    }

    private Process startHolder() throws IOException {
        Process holder = new ProcessBuilder(JavaCommand.of(PidFileHolder.class, List.of(pidFile().toString())))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        holders.add(holder);
        return holder;
    }

    /** Blocks until the holder has claimed or failed to; it prints nothing before either. */
    private static String firstLine(Process holder) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("first line of pid %d", holder.pid()).isNotNull();
        return line;
    }
}

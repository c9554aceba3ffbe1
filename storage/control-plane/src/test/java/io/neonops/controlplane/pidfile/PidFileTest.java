package io.neonops.controlplane.pidfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol within one process: flock conflicts between two open descriptors of the same file even in one
 * process, which lets these cases run without a second JVM (those are in PidFileAcrossProcessesTest).
 */
@SuppressWarnings("try") // claims held open by try-with-resources for the duration of a check
class PidFileTest {
    private static final long OWN_PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private Path pidFile() {
        return dir.resolve("daemon.pid");
    }

    @Test
    void readOfAMissingFileIsNotExist() throws IOException {
        assertThat(PidFile.read(pidFile())).isInstanceOf(PidFileRead.NotExist.class);
    }

    @Test
    void claimWritesTheDecimalPidOfTheCurrentProcess() throws IOException {
        try (PidFileGuard claim = PidFile.claim(pidFile())) {
            assertThat(Files.readString(pidFile())).isEqualTo(Long.toString(OWN_PID));
            assertThat(claim.path()).isEqualTo(pidFile().toAbsolutePath());
        }
    }

    @Test
    void claimReplacesALongerStaleContent() throws IOException {
        Files.writeString(pidFile(), "123456789012\n");
        try (PidFileGuard claim = PidFile.claim(pidFile())) {
            assertThat(Files.readString(pidFile())).isEqualTo(Long.toString(OWN_PID));
        }
    }

    @Test
    void aHeldFileReadsAsLockedByItsHolder() throws IOException {
        try (PidFileGuard claim = PidFile.claim(pidFile())) {
            assertThat(PidFile.read(pidFile())).isEqualTo(new PidFileRead.LockedByOtherProcess(OWN_PID));
        }
    }

    @Test
    void aSecondClaimFailsNamingTheFileAndHolderAndLeavesTheContent() throws IOException {
        try (PidFileGuard claim = PidFile.claim(pidFile())) {
            assertThatThrownBy(() -> PidFile.claim(pidFile()))
                    .isInstanceOf(PidFileLockedException.class)
                    .hasMessageContaining(pidFile().toString())
                    .hasMessageContaining("pid " + OWN_PID);
            assertThat(Files.readString(pidFile())).isEqualTo(Long.toString(OWN_PID));
        }
    }

    @Test
    void closingTheClaimMakesTheFileStaleButNeverDeletesIt() throws IOException {
        PidFile.claim(pidFile()).close();

        assertThat(pidFile()).exists().hasContent(Long.toString(OWN_PID));
        try (PidFileGuard staleGuard = notHeldGuard(PidFile.read(pidFile()))) {
            assertThat(staleGuard.path()).isEqualTo(pidFile().toAbsolutePath());
        }
        assertThat(pidFile()).exists();
    }

    @Test
    void theGuardOfAStaleReadKeepsOthersFromClaimingUntilClosed() throws IOException {
        Files.writeString(pidFile(), "42");
        try (PidFileGuard staleGuard = notHeldGuard(PidFile.read(pidFile()))) {
            assertThatThrownBy(() -> PidFile.claim(pidFile())).isInstanceOf(PidFileLockedException.class);
            assertThatThrownBy(() -> staleGuard.recordPid(7)).isInstanceOf(IllegalStateException.class);
        }
        try (PidFileGuard claim = PidFile.claim(pidFile())) {
            assertThat(pidFile()).hasContent(Long.toString(OWN_PID));
        }
    }

    @Test
    void garbageInAnUnlockedFileIsJustStale() throws IOException {
        Files.writeString(pidFile(), "not a pid at all");
        try (PidFileGuard staleGuard = notHeldGuard(PidFile.read(pidFile()))) {
            assertThat(pidFile()).hasContent("not a pid at all");
        }
    }

    @Test
    void garbageInALockedFileIsAnErrorNamingTheFile() throws IOException {
        try (PidFileGuard claim = PidFile.claim(pidFile())) {
            Files.writeString(pidFile(), "12ab\n");
            assertThatThrownBy(() -> PidFile.read(pidFile()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(pidFile().toAbsolutePath().toString())
                    .hasMessageContaining("garbage")
                    .hasMessageContaining("'12ab'");
        }
    }

    @Test
    void anEmptyLockedFileIsAnErrorOnceTheClaimerHadTimeToWrite() throws IOException {
        try (PidFileGuard claim = PidFile.claim(pidFile())) {
            Files.writeString(pidFile(), "");
            assertThatThrownBy(() -> PidFile.read(pidFile()))
                    .hasMessageContaining(pidFile().toAbsolutePath().toString())
                    .hasMessageContaining("empty");
        }
    }

    @Test
    void recordPidHandsTheFileToAnotherPid() throws IOException {
        try (PidFileGuard claim = PidFile.claim(pidFile())) {
            claim.recordPid(OWN_PID);
            assertThat(pidFile()).hasContent(Long.toString(OWN_PID));
            assertThat(PidFile.read(pidFile())).isEqualTo(new PidFileRead.LockedByOtherProcess(OWN_PID));
        }
    }

    @Test
    void ofConcurrentClaimersExactlyOneWins() throws Exception {
        int claimers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        List<Future<PidFileGuard>> attempts = new ArrayList<>();
        try {
            Callable<PidFileGuard> claimAfterStart = () -> {
                start.await();
                try {
                    return PidFile.claim(pidFile());
                } catch (PidFileLockedException e) {
                    return null;
                }
            };
            for (int i = 0; i < claimers; i++) {
                attempts.add(pool.submit(claimAfterStart));
            }
            start.countDown();
            List<PidFileGuard> winners = new ArrayList<>();
            for (Future<PidFileGuard> attempt : attempts) {
                if (attempt.get() != null) {
                    winners.add(attempt.get());
                }
            }
            assertThat(winners).hasSize(1);
            winners.forEach(PidFileGuard::close);
        } finally {
            pool.shutdownNow();
        }
    }

    private static PidFileGuard notHeldGuard(PidFileRead read) {
        assertThat(read).isInstanceOf(PidFileRead.NotHeldByAnyProcess.class);
        return ((PidFileRead.NotHeldByAnyProcess) read).guard();
    }
}

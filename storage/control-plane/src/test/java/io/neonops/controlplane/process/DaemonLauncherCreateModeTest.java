package io.neonops.controlplane.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.neonops.controlplane.pidfile.PidFile;
import io.neonops.controlplane.pidfile.PidFileRead;
import io.neonops.controlplane.testsupport.HealthEndpoint;
import io.neonops.controlplane.testsupport.ProcessTable;

/**
 * A daemon that knows nothing of pid files (as etcd), played by {@code sleep} with a readiness endpoint served by
 * the test: the launcher claims the pid file and hands the locked descriptor to the child.
 */
class DaemonLauncherCreateModeTest {
    private static final String NAME = "etcd";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final DaemonLauncher launcher = new DaemonLauncher();
    private HealthEndpoint health;

    @BeforeEach
    void startHealthEndpoint() throws IOException {
        health = HealthEndpoint.start();
    }

    @AfterEach
    void stopEverythingStarted() throws IOException {
        try {
            launcher.stop(NAME, pidFile(), StopMode.IMMEDIATE, TIMEOUT);
        } finally {
            ProcessTable.killAll(dir.toString());
            health.close();
        }
    }

    @Test
    void thePidFileNamesTheChildAndItsLockLivesAsLongAsTheChild() throws IOException {
        long pid = launcher.start(sleeper(PidFileMode.CREATE)).pid();

        assertThat(pidFile()).hasContent(Long.toString(pid));
        assertThat(PidFile.read(pidFile())).isEqualTo(new PidFileRead.LockedByOtherProcess(pid));

        assertThat(launcher.stop(NAME, pidFile(), StopMode.FAST, TIMEOUT)).isEqualTo(new StopResult.Stopped(pid));
        // the launcher's own copy of the descriptor is closed: with the child gone, no one holds the lock
        PidFileRead afterStop = PidFile.read(pidFile());
        assertThat(afterStop).isInstanceOf(PidFileRead.NotHeldByAnyProcess.class);
        ((PidFileRead.NotHeldByAnyProcess) afterStop).guard().close();
    }

    @Test
    void theChildGetsDevNullTheLogAndThePidFileAndNoOtherDescriptor() throws IOException {
        long pid = launcher.start(sleeper(PidFileMode.CREATE)).pid();

        assertThat(descriptorsOf(pid)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                0, "/dev/null",
                1, logFile().toString(),
                2, logFile().toString(),
                3, pidFile().toString())));
    }

    @Test
    void theChildLeadsItsOwnSessionWithNoSignalBlocked() throws IOException {
        long pid = launcher.start(sleeper(PidFileMode.CREATE)).pid();

        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        assertThat(status).containsPattern("(?m)^SigBlk:\\s+0+$");
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        assertThat(afterName[3]).as("session id").isEqualTo(Long.toString(pid));
    }

    @Test
    void immediateStopEndsTheChildWithSigquit() throws IOException {
        long pid = launcher.start(sleeper(PidFileMode.CREATE)).pid();

        assertThat(launcher.stop(NAME, pidFile(), StopMode.IMMEDIATE, TIMEOUT)).isEqualTo(new StopResult.Stopped(pid));
        assertThat(ProcessTable.isRunning(pid)).isFalse();
    }

    @Test
    void aDaemonThatNeverClaimsItsExpectedPidFileTimesOutAndIsKilled() {
        DaemonStartException failure = catchThrowableOfType(DaemonStartException.class,
                () -> launcher.start(sleeper(PidFileMode.EXPECT)));

        assertThat(failure).hasMessageMatching("etcd \\(pid \\d+\\) was not ready within 3s: pid file " + pidFile()
                + " (does not exist yet|is not locked by the spawned pid \\d+); the log is empty \\(log: .*\\)");
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
    }

    @Test
    void theStepBeforeSpawnRunsOnlyForASpawnAndTheStepWhenReadyForEveryStart() throws IOException {
        List<String> steps = new ArrayList<>();
        LaunchSteps recorded = new LaunchSteps(() -> steps.add("before spawn"), () -> steps.add("when ready"));

        long pid = launcher.start(sleeper(PidFileMode.CREATE), recorded).pid();
        assertThat(launcher.start(sleeper(PidFileMode.CREATE), recorded)).isEqualTo(new StartResult.AlreadyRunning(pid));

        assertThat(steps).containsExactly("before spawn", "when ready", "when ready");
    }

    @Test
    void aChildWhoseStepWhenReadyFailsIsKilled() throws IOException {
        LaunchSteps failing = new LaunchSteps(() -> { }, () -> {
            throw new IOException("the database could not be created");
        });

        IOException failure = catchThrowableOfType(IOException.class, () -> launcher.start(sleeper(PidFileMode.CREATE), failing));

        assertThat(failure).hasMessageMatching("etcd \\(pid \\d+\\) was ready, but the database could not be created; it was killed");
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
    }

    /** sleep through a link in the test's directory, so that its argv[0] tells ProcessTable it is ours. */
    private DaemonLaunch sleeper(PidFileMode mode) throws IOException {
        Path sleep = dir.resolve("sleep");
        if (!Files.exists(sleep, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(sleep, Executables.resolve("sleep", System.getenv("PATH")));
        }
        Duration readyTimeout = mode == PidFileMode.CREATE ? TIMEOUT : Duration.ofSeconds(3);
        return new DaemonLaunch(NAME, List.of(sleep.toString(), "600"), Map.of(), dir, dir, pidFile(), mode,
                health.url(), List.of(), readyTimeout);
    }

    private Map<Integer, String> descriptorsOf(long pid) throws IOException {
        Map<Integer, String> descriptors = new TreeMap<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                descriptors.put(Integer.parseInt(fd.getFileName().toString()), Files.readSymbolicLink(fd).toString());
            }
        }
        return descriptors;
    }

    private Path pidFile() {
        return dir.resolve("etcd.pid");
    }

    private Path logFile() {
        return dir.resolve("etcd.log");
    }
}

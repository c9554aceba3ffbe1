package io.neonops.controlplane.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.neonops.controlplane.pidfile.PidFile;
import io.neonops.controlplane.pidfile.PidFileGuard;
import io.neonops.controlplane.pidfile.PidFileRead;
import io.neonops.controlplane.posix.Posix;
import io.neonops.controlplane.posix.ProcessSpawner;
import io.neonops.controlplane.posix.Signal;
import io.neonops.controlplane.posix.SpawnRequest;
import io.neonops.controlplane.testsupport.FreePorts;
import io.neonops.controlplane.testsupport.JavaCommand;
import io.neonops.controlplane.testsupport.ProcessTable;
import io.neonops.controlplane.testsupport.TestDaemon;
import io.neonops.controlplane.timing.Deadline;

/**
 * Daemons that claim their own pid file (pageserver, safekeeper), played by {@link TestDaemon} in a JVM of its
 * own, started and stopped through the real launcher.
 */
@SuppressWarnings("try") // claims and busy ports held open by try-with-resources for the duration of a check
class DaemonLauncherTest {
    private static final String NAME = "pageserver";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final DaemonLauncher launcher = new DaemonLauncher();
    private final int port = FreePorts.next();

    @AfterEach
    void stopEverythingStarted() throws IOException {
        try {
            launcher.stop(NAME, pidFile(), StopMode.IMMEDIATE, STOP_TIMEOUT);
        } finally {
            ProcessTable.killAll(dir.toString());
        }
    }

    @Test
    void startReturnsOnceTheDaemonServesAndHoldsItsPidFile() throws Exception {
        StartResult result = launcher.start(testDaemon());

        assertThat(result).isInstanceOf(StartResult.Started.class);
        assertThat(PidFile.read(pidFile())).isEqualTo(new PidFileRead.LockedByOtherProcess(result.pid()));
        assertThat(getStatus()).isEqualTo("{\"id\":" + result.pid() + "}");
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).containsExactly(result.pid());
    }

    @Test
    void startingARunningDaemonAgainSaysSoAndSpawnsNothing() throws IOException {
        long pid = launcher.start(testDaemon()).pid();

        assertThat(launcher.start(testDaemon())).isEqualTo(new StartResult.AlreadyRunning(pid));
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).containsExactly(pid);
        assertThat(Files.readString(logFile())).containsOnlyOnce("test daemon pid");
    }

    @Test
    void ofTwoConcurrentStartsOneStartsTheDaemonAndTheOtherFindsIt() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<StartResult> start = () -> {
                go.await();
                return launcher.start(testDaemon());
            };
            Future<StartResult> first = pool.submit(start);
            Future<StartResult> second = pool.submit(start);
            go.countDown();
            List<StartResult> results = List.of(first.get(), second.get());

            assertThat(results).filteredOn(StartResult.Started.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(StartResult.AlreadyRunning.class::isInstance).hasSize(1);
            assertThat(results.get(0).pid()).isEqualTo(results.get(1).pid());
            assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).containsExactly(results.get(0).pid());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPidFileHeldByAnotherProcessCountsAsRunning() throws IOException {
        try (PidFileGuard claim = PidFile.claim(pidFile())) {
            assertThat(launcher.start(testDaemon())).isEqualTo(new StartResult.AlreadyRunning(ProcessHandle.current().pid()));
        }
        assertThat(logFile()).doesNotExist();
    }

    @Test
    void stopEndsTheDaemonAndLeavesItsPidFileInPlace() throws IOException {
        long pid = launcher.start(testDaemon()).pid();

        assertThat(launcher.stop(NAME, pidFile(), StopMode.FAST, STOP_TIMEOUT)).isEqualTo(new StopResult.Stopped(pid));

        assertThat(ProcessTable.isRunning(pid)).isFalse();
        assertThat(pidFile()).exists().hasContent(Long.toString(pid));
        assertThat(launcher.stop(NAME, pidFile(), StopMode.FAST, STOP_TIMEOUT)).isEqualTo(new StopResult.Stale());
    }

    @Test
    void immediateStopEndsTheDaemonWithSigquit() throws IOException {
        long pid = launcher.start(testDaemon()).pid();

        assertThat(launcher.stop(NAME, pidFile(), StopMode.IMMEDIATE, STOP_TIMEOUT)).isEqualTo(new StopResult.Stopped(pid));
        assertThat(ProcessTable.isRunning(pid)).isFalse();
    }

    @Test
    void aStoppedDaemonStartsAgainAppendingToItsLog() throws IOException {
        long first = launcher.start(testDaemon()).pid();
        launcher.stop(NAME, pidFile(), StopMode.FAST, STOP_TIMEOUT);

        long second = launcher.start(testDaemon()).pid();

        assertThat(second).isNotEqualTo(first);
        assertThat(Files.readString(logFile())).contains("test daemon pid " + first, "test daemon pid " + second);
    }

    @Test
    void startWaitsForTheLockOfAnExitingDaemonInsteadOfCallingItLockedByAnother() throws Exception {
        // as a multithreaded daemon just after it exits: the named pid is a zombie, listing no descriptor, while
        // the lock is still held (here by its background child, which keeps the inherited descriptor)
        long exited;
        try (PidFileGuard claim = PidFile.claim(pidFile())) {
            int log = Posix.openAppend(dir.resolve("exited.log"));
            try {
                exited = ProcessSpawner.spawn(new SpawnRequest(Executables.resolve("sh", System.getenv("PATH")),
                        List.of("sh", "-c", "sleep 600 & exit 0"), Map.of(), dir, log, OptionalInt.of(claim.descriptor())));
            } finally {
                Posix.close(log);
            }
            claim.recordPid(exited);
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            awaitCondition("pid " + exited + " has exited", () -> ProcessLiveness.isExiting(exited));
            assertThat(launcher.state(NAME, pidFile())).isInstanceOf(DaemonState.LockedByOther.class);

            Future<StartResult> start = pool.submit(() -> launcher.start(testDaemon()));
            // a start that gave up at once is done, and its answer below says why
            awaitCondition("the start holds the launch lock",
                    () -> start.isDone() || launcher.state(NAME, pidFile()) instanceof DaemonState.Busy);
            Posix.killGroup(exited, Signal.SIGKILL);

            assertThat(start.get()).isInstanceOf(StartResult.Started.class);
        } finally {
            pool.shutdownNow();
            Posix.killGroup(exited, Signal.SIGKILL);
            Posix.waitForExit(exited);
        }
    }

    @Test
    void stoppingWithoutAPidFileSaysNotRunning() throws IOException {
        assertThat(launcher.stop(NAME, pidFile(), StopMode.FAST, STOP_TIMEOUT)).isEqualTo(new StopResult.NotRunning());
        assertThat(launcher.stop(NAME, dir.resolve("missing/dir/x.pid"), StopMode.FAST, STOP_TIMEOUT))
                .isEqualTo(new StopResult.NotRunning());
    }

    @Test
    void aStalePidFileNamingAnUnrelatedLiveProcessGetsNoSignal() throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "600").start();
        try {
            Files.writeString(pidFile(), Long.toString(unrelated.pid()));

            assertThat(launcher.stop(NAME, pidFile(), StopMode.IMMEDIATE, STOP_TIMEOUT)).isEqualTo(new StopResult.Stale());

            assertThat(unrelated.isAlive()).isTrue();
            assertThat(pidFile()).hasContent(Long.toString(unrelated.pid()));
        } finally {
            unrelated.destroyForcibly().waitFor();
        }
    }

    @Test
    void aMissingBinaryIsReportedBeforeAnythingStarts() {
        DaemonLaunch absent = withCommand(List.of(dir.resolve("bin/pageserver").toString()));
        DaemonLaunch notOnPath = withCommand(List.of("neon-pageserver-that-is-not-installed"));

        assertThatThrownBy(() -> launcher.start(absent))
                .hasMessage("cannot start pageserver: binary " + dir.resolve("bin/pageserver") + " does not exist");
        assertThatThrownBy(() -> launcher.start(notOnPath))
                .hasMessageStartingWith("cannot start pageserver: binary 'neon-pageserver-that-is-not-installed' not found on PATH");
        assertThat(logFile()).doesNotExist();
        assertThat(pidFile()).doesNotExist();
    }

    @Test
    void aBusyListenAddressIsReportedBeforeSpawning() throws IOException {
        try (ServerSocket busy = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> launcher.start(testDaemon()))
                    .hasMessageContaining("pageserver cannot start: 127.0.0.1:" + port + " is already in use");
        }
        assertThat(logFile()).doesNotExist();
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
    }

    @Test
    void aDaemonThatCannotBindItsPortFailsWithItsLogAndLeavesNothingRunning() throws IOException {
        DaemonLaunch undeclaredPort = withListenAddresses(testDaemon(), List.of());
        try (ServerSocket busy = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            DaemonStartException failure = catchThrowableOfType(DaemonStartException.class, () -> launcher.start(undeclaredPort));

            assertThat(failure).hasMessageStartingWith("pageserver exited during startup (exit code 1)")
                    .hasMessageContaining("last log line: cannot listen on 127.0.0.1:" + port)
                    .hasMessageEndingWith("(log: " + logFile() + ")");
            assertThat(failure.logTail()).anyMatch(line -> line.startsWith("test daemon pid"));
        }
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
    }

    @Test
    void aDaemonExitingAtOnceFailsWithItsLastLogLine() {
        DaemonStartException failure = catchThrowableOfType(DaemonStartException.class,
                () -> launcher.start(testDaemon("--exit-at-once")));

        assertThat(failure).hasMessageStartingWith("pageserver exited during startup (exit code 3); last log line: exiting at once as asked");
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
    }

    private DaemonLaunch testDaemon(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--pid-file", pidFile().toString(), "--listen-http", "127.0.0.1:" + port));
        args.addAll(List.of(extraArgs));
        return new DaemonLaunch(NAME, JavaCommand.of(TestDaemon.class, args), Map.of(), dir, dir, pidFile(),
                PidFileMode.EXPECT, statusUrl(), List.of(new InetSocketAddress("127.0.0.1", port)), Duration.ofSeconds(60));
    }

    private DaemonLaunch withCommand(List<String> command) {
        DaemonLaunch launch = testDaemon();
        return new DaemonLaunch(launch.name(), command, launch.extraEnvironment(), launch.workingDirectory(), launch.logDirectory(),
                launch.pidFile(), launch.pidFileMode(), launch.readinessUrl(), launch.listenAddresses(), launch.readyTimeout());
    }

    private static DaemonLaunch withListenAddresses(DaemonLaunch launch, List<InetSocketAddress> addresses) {
        return new DaemonLaunch(launch.name(), launch.command(), launch.extraEnvironment(), launch.workingDirectory(), launch.logDirectory(),
                launch.pidFile(), launch.pidFileMode(), launch.readinessUrl(), addresses, launch.readyTimeout());
    }

    private URI statusUrl() {
        return URI.create("http://127.0.0.1:" + port + "/v1/status");
    }

    private String getStatus() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(statusUrl()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    private static void awaitCondition(String what, Condition condition) throws IOException {
        Deadline deadline = Deadline.after(Duration.ofSeconds(30));
        while (!condition.holds()) {
            assertThat(deadline.expired()).as("%s in time", what).isFalse();
            deadline.pause(Duration.ofMillis(10));
        }
    }

    private Path pidFile() {
        return dir.resolve("pageserver.pid");
    }

    private Path logFile() {
        return dir.resolve("pageserver.log");
    }
}

package io.neonops.controlplane.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.neonops.controlplane.testsupport.ProcessTable;
import io.neonops.controlplane.timing.Deadline;

/**
 * Local mode never harms a bystander, works from the pid files when the manifest is broken or gone, and rolls a
 * start back on Ctrl-C: real etcd, fake Neon daemons and real signals.
 */
class LocalModeSafetyTest extends LocalModeTestBase {
    private static final List<String> NEON_BINARIES = List.of("pageserver", "safekeeper");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<Process> bystanders = new ArrayList<>();

    @Override
    String clusterName() {
        return "safety";
    }

    @AfterEach
    void killBystanders() throws InterruptedException {
        for (Process bystander : bystanders) {
            bystander.destroyForcibly();
            bystander.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLockedPidFileEditedToNameABystanderSignalsNobodyAndSaysWhoHoldsIt() throws Exception {
        long etcd = started(LocalCli.run("start", "-f", manifest.toString(), "--dir", workDir.toString(), "etcd"), "etcd");
        Process bystander = bystander();
        Path pidFile = workDir.resolve("etcd.pid");
        Files.writeString(pidFile, Long.toString(bystander.pid()));
        String verdict = "pid file " + pidFile + " is locked by a process that is not pid " + bystander.pid() + " (pid "
                + bystander.pid() + " has no descriptor holding the lock on this file; the lock is held by pid " + etcd + " (etcd))";

        LocalCli.Outcome stop = LocalCli.run("stop", "--dir", workDir.toString());

        assertThat(stop.exitCode()).isEqualTo(1);
        assertThat(stop.err()).isEqualTo("local: could not stop everything: etcd not stopped: " + verdict + "; nothing was signalled\n");
        assertThat(bystander.isAlive()).isTrue();
        assertThat(ProcessTable.isRunning(etcd)).isTrue();
        LocalCli.Outcome status = LocalCli.run("status", "--dir", workDir.toString());
        assertThat(status.out()).containsPattern("(?m)^etcd +locked-by-other +- +client=")
                .contains("etcd: " + verdict + "; stop will signal nothing\n");
        LocalCli.Outcome start = LocalCli.run("start", "-f", manifest.toString(), "--dir", workDir.toString(), "etcd");
        assertThat(start.err()).isEqualTo("local: cannot start etcd: " + verdict + "\n");

        Files.writeString(pidFile, Long.toString(etcd));
        LocalCli.Outcome stopAgain = LocalCli.run("stop", "--dir", workDir.toString(), "etcd");
        assertThat(stopAgain.out()).isEqualTo("etcd stopped (pid " + etcd + ")\n");
        assertThat(bystander.isAlive()).isTrue();
    }

    @ParameterizedTest(name = "cluster.yaml {0}")
    @ValueSource(strings = {"broken", "deleted"})
    void statusAndStopFindEveryDaemonByItsPidFileWithoutTheManifest(String damage) throws Exception {
        Path bin = LocalFixtures.fakeNeonBinDir(dir.resolve("bin"), NEON_BINARIES, List.of());
        LocalCli.Outcome start = LocalCli.run("start", "-f", manifest.toString(), "--dir", workDir.toString(),
                "--neon-bin-dir", bin.toString(), "etcd", "pageserver", "safekeeper-2");
        assertThat(start.exitCode()).as(start.err()).isZero();
        Path remembered = workDir.resolve("cluster.yaml");
        String problem;
        if (damage.equals("broken")) {
            Files.writeString(remembered, "spec: [unclosed\n");
            problem = remembered + ": not valid YAML";
        } else {
            Files.delete(remembered);
            problem = remembered + " does not exist";
        }

        LocalCli.Outcome status = LocalCli.run("status", "--dir", workDir.toString());

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).startsWith("daemons found by their pid files in " + workDir + " (" + problem)
                .containsPattern("(?m)^etcd +running +\\d+ +-$")
                .containsPattern("(?m)^pageserver +running +\\d+ +-$")
                .containsPattern("(?m)^safekeeper-2 +running +\\d+ +-$");
        assertThat(LocalCli.run("start", "--dir", workDir.toString()).err()).startsWith("local: ").contains(problem);
        LocalCli.Outcome restart = LocalCli.run("start", "-f", manifest.toString(), "--dir", workDir.toString());
        assertThat(restart.err()).startsWith("local: " + workDir + " has running daemons but " + problem)
                .endsWith("; stop them first (local stop --dir " + workDir + ")\n");

        LocalCli.Outcome stop = LocalCli.run("stop", "--dir", workDir.toString());

        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.err()).startsWith("note: " + problem).endsWith("; stopping the daemons found by their pid files\n");
        assertThat(stop.out()).containsPattern("(?s)^safekeeper-2 stopped.*pageserver stopped.*etcd stopped");
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
    }

    @Test
    void startRefusesABrokenRememberedManifestWithTheReason() throws IOException {
        Files.createDirectories(workDir);
        Files.writeString(workDir.resolve("cluster.yaml"), "apiVersion: v1\nkind: Pod\n");

        LocalCli.Outcome start = LocalCli.run("start", "--dir", workDir.toString());

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.err()).isEqualTo("local: the remembered cluster is unusable: " + workDir.resolve("cluster.yaml")
                + ": expected apiVersion neonops.io/v1alpha1 and kind NeonCluster, got apiVersion \"v1\" and kind \"Pod\"\n");
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalDuringStartRollsBackWhatItStartedAndKillsTheDaemonNotYetReady(String signal) throws Exception {
        Path bin = LocalFixtures.fakeNeonBinDir(dir.resolve("bin"), NEON_BINARIES, List.of("pageserver"), "--never-ready");
        Process start = LocalCli.startInOwnJvm(Map.of(), "start", "-f", manifest.toString(), "--dir", workDir.toString(),
                "--neon-bin-dir", bin.toString(), "--timeout", "600");
        Path pageserverLog = workDir.resolve("pageserver_1/pageserver.log");
        awaitLogLine(pageserverLog, "never getting ready, as asked");

        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(start.pid())).start().waitFor()).isZero();
        LocalCli.Outcome outcome = LocalCli.awaitExit(start);

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).matches("local: start interrupted by SIG" + signal + " \\(pageserver \\(pid \\d+\\) was not"
                + " ready: .*; it was killed\\); stopped etcd again\n");
        assertThat(outcome.out()).contains("etcd started", "stopping what this start started: etcd", "etcd stopped");
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
    }

    @Test
    void aDirThatIsAFileIsRefusedSayingSo() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "");

        for (String command : List.of("status", "stop", "start")) {
            LocalCli.Outcome outcome = LocalCli.run(command, "--dir", file.toString());

            assertThat(outcome.err()).isEqualTo("local: --dir " + file + " is not a directory (it is a file);"
                    + " give the local cluster's work directory\n");
        }
    }

    @Test
    void aManifestThatIsADeviceIsRefusedBeforeReading() {
        LocalCli.Outcome start = LocalCli.run("start", "-f", "/dev/zero", "--dir", workDir.toString());

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.err()).isEqualTo("local: /dev/zero: not a regular file (a device, pipe or socket); a manifest is a YAML file\n");
    }

    @Test
    void aManifestOfTwoClustersIsRefused() throws IOException {
        Path two = Files.writeString(dir.resolve("two.yaml"), Files.readString(manifest) + "---\n"
                + Files.readString(manifest).replace("name: safety", "name: other"));

        LocalCli.Outcome start = LocalCli.run("start", "-f", two.toString(), "--dir", workDir.toString());

        assertThat(start.err()).isEqualTo("local: " + two + ": holds 2 NeonClusters (safety, other); one cluster is expected"
                + " here: give a file with one\n");
        assertThat(workDir).doesNotExist();
    }

    private Process bystander() throws IOException {
        Process bystander = new ProcessBuilder("sleep", "600").start();
        bystanders.add(bystander);
        return bystander;
    }

    private static long started(LocalCli.Outcome start, String name) {
        assertThat(start.exitCode()).as(start.err()).isZero();
        Matcher started = Pattern.compile(Pattern.quote(name) + " started \\(pid (\\d+)\\)").matcher(start.out());
        assertThat(started.find()).as("'%s started (pid N)' in: %s", name, start.out()).isTrue();
        return Long.parseLong(started.group(1));
    }

    private static void awaitLogLine(Path log, String line) throws IOException {
        Deadline deadline = Deadline.after(WAIT);
        while (!(Files.isRegularFile(log) && Files.readString(log).contains(line))) {
            assertThat(deadline.expired()).as("'%s' in %s within %s", line, log, WAIT).isFalse();
            deadline.pause(Duration.ofMillis(50));
        }
    }
}

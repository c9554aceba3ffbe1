package io.neonops.controlplane.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.neonops.controlplane.testsupport.ProcessTable;

/** Real etcd (Debian's etcd-server) through {@code local start}, run in a JVM of its own that exits. */
class LocalModeEtcdTest extends LocalModeTestBase {
    private static final Pattern STARTED = Pattern.compile("etcd started \\(pid (\\d+)\\)");

    @Override
    String clusterName() {
        return "etcd-test";
    }

    @Test
    void etcdOutlivesTheStartCommandHoldingItsPidFileUntilStopped() throws Exception {
        LocalCli.Outcome start = LocalCli.runInOwnJvm(Map.of(), "start", "-f", manifest.toString(), "--dir", workDir.toString(), "etcd");

        assertThat(start.exitCode()).as(start.err()).isZero();
        long pid = startedPid(start.out());
        assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip()).isEqualTo("etcd");
        Path pidFile = workDir.resolve("etcd.pid");
        assertThat(flockExitCode(pidFile)).as("flock -n on a pid file etcd holds").isEqualTo(1);

        LocalCli.Outcome status = LocalCli.run("status", "--dir", workDir.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).containsPattern("(?m)^etcd +running +" + pid + " +client=" + ports.etcdClient() + " peer=" + ports.etcdPeer() + "$")
                .containsPattern("(?m)^pageserver +absent +- +");

        LocalCli.Outcome stop = LocalCli.run("stop", "--dir", workDir.toString());
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.out()).contains("etcd stopped (pid " + pid + ")", "safekeeper-3 was not running");
        assertThat(ProcessTable.isRunning(pid)).isFalse();
        assertThat(pidFile).exists().hasContent(Long.toString(pid));
        assertThat(flockExitCode(pidFile)).as("flock -n once etcd is gone").isZero();
        assertThat(LocalCli.run("status", "--dir", workDir.toString()).out()).containsPattern("(?m)^etcd +stale +- +");
    }

    @Test
    void ofTwoConcurrentStartsOneStartsEtcdAndBothSucceed() throws Exception {
        Process first = LocalCli.startInOwnJvm(Map.of(), "start", "-f", manifest.toString(), "--dir", workDir.toString(), "etcd");
        Process second = LocalCli.startInOwnJvm(Map.of(), "start", "-f", manifest.toString(), "--dir", workDir.toString(), "etcd");

        List<LocalCli.Outcome> outcomes = List.of(LocalCli.awaitExit(first), LocalCli.awaitExit(second));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.exitCode()).as(outcome.err()).isZero());
        String output = outcomes.get(0).out() + outcomes.get(1).out();
        long pid = startedPid(output);
        assertThat(output).containsOnlyOnce("etcd started").containsOnlyOnce("etcd is already running (pid " + pid + ")");
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).containsExactly(pid);
    }

    @Test
    void aDifferentClusterIsRefusedWhileTheRememberedOneRuns() throws Exception {
        LocalCli.Outcome start = LocalCli.run("start", "-f", manifest.toString(), "--dir", workDir.toString(), "etcd");
        assertThat(start.exitCode()).as(start.err()).isZero();
        Path other = LocalFixtures.manifest(dir.resolve("other.yaml"), "other", LocalFixtures.Ports.free());

        LocalCli.Outcome refused = LocalCli.run("start", "-f", other.toString(), "--dir", workDir.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("local: " + workDir + " runs cluster etcd-test from a different manifest; stop it first"
                + " (local stop --dir " + workDir + ")\n");
        assertThat(workDir.resolve("cluster.yaml")).hasSameTextualContentAs(manifest);
    }

    private static long startedPid(String output) {
        Matcher started = STARTED.matcher(output);
        assertThat(started.find()).as("'etcd started (pid N)' in: %s", output).isTrue();
        return Long.parseLong(started.group(1));
    }

    private static int flockExitCode(Path file) throws IOException, InterruptedException {
        return new ProcessBuilder("flock", "-n", file.toString(), "true").start().waitFor();
    }
}

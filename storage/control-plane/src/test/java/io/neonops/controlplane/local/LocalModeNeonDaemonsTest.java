package io.neonops.controlplane.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.neonops.controlplane.tenant.PageserverUrlFile;
import io.neonops.controlplane.testsupport.ProcessTable;

/**
 * A whole cluster through local mode: real etcd, and pageserver and safekeepers from a fake Neon bin directory
 * whose scripts run the test daemon with the real command lines.
 */
class LocalModeNeonDaemonsTest extends LocalModeTestBase {
    private static final List<String> NEON_BINARIES = List.of("pageserver", "safekeeper");

    @Override
    String clusterName() {
        return "demo";
    }

    @Test
    void startRunsEveryNodeInOrderAndStopEndsThemInReverse() throws Exception {
        Path bin = LocalFixtures.fakeNeonBinDir(dir.resolve("bin"), NEON_BINARIES, List.of());

        LocalCli.Outcome start = LocalCli.runInOwnJvm(Map.of(LocalStartCommand.NEON_BIN_DIR, bin.toString()),
                "start", "-f", manifest.toString(), "--dir", workDir.toString());

        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(start.out()).containsPattern("(?s)etcd started.*pageserver started.*safekeeper-1 started.*"
                + "safekeeper-2 started.*safekeeper-3 started");
        assertThat(workDir.resolve("pageserver_1/pageserver.toml")).content()
                .contains("broker_endpoints = [\"http://127.0.0.1:" + ports.etcdClient() + "\"]");
        assertThat(new PageserverUrlFile().locate(workDir)).isEqualTo(URI.create("http://127.0.0.1:" + ports.pageserverHttp()));
        LocalCli.Outcome status = LocalCli.run("status", "--dir", workDir.toString());
        assertThat(status.out()).containsPattern("(?m)^safekeeper-3 +running +\\d+ +pg=" + (ports.safekeeperPg() + 2)
                + " http=" + (ports.safekeeperHttp() + 2) + "$");
        assertThat(status.out().lines().filter(line -> line.contains(" running "))).hasSize(5);

        LocalCli.Outcome stop = LocalCli.run("stop", "--dir", workDir.toString());

        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.out()).containsPattern("(?s)safekeeper-3 stopped.*safekeeper-2 stopped.*safekeeper-1 stopped.*"
                + "pageserver stopped.*etcd stopped");
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
    }

    @Test
    void startWithoutAManifestStartsTheRememberedClustersNodesNamed() throws IOException {
        Path bin = LocalFixtures.fakeNeonBinDir(dir.resolve("bin"), NEON_BINARIES, List.of());
        assertThat(LocalCli.run("start", "-f", manifest.toString(), "--dir", workDir.toString(), "etcd").exitCode()).isZero();

        LocalCli.Outcome start = LocalCli.run("start", "--dir", workDir.toString(), "--neon-bin-dir", bin.toString(), "safekeeper-2");

        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(start.out()).startsWith("safekeeper-2 started");
        String status = LocalCli.run("status", "--dir", workDir.toString()).out();
        assertThat(status).containsPattern("(?m)^etcd +running").containsPattern("(?m)^safekeeper-2 +running")
                .containsPattern("(?m)^safekeeper-1 +absent").containsPattern("(?m)^pageserver +absent");
    }

    @Test
    void aMissingNeonBinaryIsReportedBeforeAnythingStarts() throws Exception {
        Path bin = LocalFixtures.fakeNeonBinDir(dir.resolve("bin"), List.of("pageserver"), List.of());

        LocalCli.Outcome start = LocalCli.runInOwnJvm(Map.of(LocalStartCommand.NEON_BIN_DIR, bin.toString()),
                "start", "-f", manifest.toString(), "--dir", workDir.toString());

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.err()).isEqualTo("local: cannot start safekeeper-1: binary " + bin.resolve("safekeeper") + " does not exist\n");
        assertThat(workDir.resolve("etcd.pid")).doesNotExist();
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
    }

    @Test
    void withoutABinDirTheNeonBinariesAreLookedUpOnPathAndTheErrorSaysHowToNameOne() throws Exception {
        LocalCli.Outcome start = LocalCli.runInOwnJvm(Map.of(LocalStartCommand.NEON_BIN_DIR, ""),
                "start", "-f", manifest.toString(), "--dir", workDir.toString(), "pageserver");

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.err()).startsWith("local: cannot start pageserver: binary 'pageserver' not found on PATH")
                .endsWith("; give --neon-bin-dir or set NEON_BIN_DIR\n");
    }

    @Test
    void aBusyPortFailsTheStartAndStopsWhatItHadStarted() throws IOException {
        Path bin = LocalFixtures.fakeNeonBinDir(dir.resolve("bin"), NEON_BINARIES, List.of());
        int busyPort = ports.safekeeperHttp() + 1;
        try (ServerSocket busy = new ServerSocket(busyPort, 1, InetAddress.getLoopbackAddress())) {
            LocalCli.Outcome start = LocalCli.run("start", "-f", manifest.toString(), "--dir", workDir.toString(),
                    "--neon-bin-dir", bin.toString());

            assertThat(start.exitCode()).isEqualTo(1);
            assertThat(start.err()).startsWith("local: safekeeper-2 cannot start: 127.0.0.1:" + busyPort + " is already in use")
                    .endsWith("; stopped safekeeper-1, pageserver, etcd again\n");
            assertThat(start.out()).contains("safekeeper-1 started", "stopping what this start started", "etcd stopped");
        }
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
    }

    @Test
    void aDaemonExitingAtOnceFailsTheStartWithItsLogAndStopsWhatItHadStarted() throws IOException {
        Path bin = LocalFixtures.fakeNeonBinDir(dir.resolve("bin"), NEON_BINARIES, List.of("safekeeper"), "--exit-at-once");

        LocalCli.Outcome start = LocalCli.run("start", "-f", manifest.toString(), "--dir", workDir.toString(),
                "--neon-bin-dir", bin.toString());

        assertThat(start.exitCode()).isEqualTo(1);
        Path log = workDir.resolve("safekeepers/sk1/safekeeper-1.log");
        assertThat(start.err()).contains("--- last lines of " + log + " ---", "exiting at once as asked")
                .endsWith("local: safekeeper-1 exited during startup (exit code 3); last log line: exiting at once as asked"
                        + " (log: " + log + "); stopped pageserver, etcd again\n");
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
    }

    @Test
    void theLogTailOfAFailedStartHoldsOnlyThisStartsLines() throws IOException {
        Path bin = LocalFixtures.fakeNeonBinDir(dir.resolve("bin"), NEON_BINARIES, List.of("pageserver"), "--exit-at-once");
        Path log = workDir.resolve("pageserver_1/pageserver.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "a line of an earlier run\n");

        LocalCli.Outcome start = LocalCli.run("start", "-f", manifest.toString(), "--dir", workDir.toString(),
                "--neon-bin-dir", bin.toString(), "pageserver");

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.err()).contains("exiting at once as asked").doesNotContain("earlier run");
        assertThat(log).content().startsWith("a line of an earlier run\n");
    }

    @Test
    void anUnknownComponentIsAOneLineError() {
        LocalCli.Outcome start = LocalCli.run("start", "-f", manifest.toString(), "--dir", workDir.toString(), "compute");

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.err()).isEqualTo("local: unknown component compute; this cluster has etcd, pageserver,"
                + " safekeeper-1, safekeeper-2, safekeeper-3\n");
    }

    @Test
    void statusAndStopWithoutAClusterSayThereIsNone() {
        for (String command : List.of("status", "stop")) {
            LocalCli.Outcome outcome = LocalCli.run(command, "--dir", workDir.toString());

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.err()).isEqualTo("local: no local cluster in " + workDir
                    + " (start one with: local start -f CLUSTER.yaml --dir " + workDir + ")\n");
        }
    }

    @Test
    void aPageserverWithoutItsConfigFileWouldNotStartSoStartWritesItFirst() throws IOException {
        Path bin = LocalFixtures.fakeNeonBinDir(dir.resolve("bin"), NEON_BINARIES, List.of());

        LocalCli.Outcome start = LocalCli.run("start", "-f", manifest.toString(), "--dir", workDir.toString(),
                "--neon-bin-dir", bin.toString(), "pageserver");

        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(Files.readString(workDir.resolve("pageserver_1/pageserver.toml"))).startsWith("# Generated by neon-operator");
    }
}

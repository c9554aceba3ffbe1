package io.neonops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/neon-operator as a user runs it, on the shaded jar that {@code mvn package} built. */
class LauncherIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path LAUNCHER = ROOT.resolve("bin/neon-operator");

    record Run(int exitCode, String out, String err) {
    }

    static Run run(Path launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("launcher did not exit within 60 s: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void rendersTheExampleCluster() throws Exception {
        Run run = run(LAUNCHER, "render", "-f", ROOT.resolve("examples/neoncluster-etcd.yaml").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("---").contains("name: \"demo-pageserver-0\"");
    }

    @Test
    void localStatusOfAnEmptyDirectorySaysThereIsNoCluster(@TempDir Path dir) throws Exception {
        Run run = run(LAUNCHER, "local", "status", "--dir", dir.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).startsWith("neon-operator: ").doesNotContain("Exception\n\tat");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void startsAndStopsEtcdWithTheLaunchersJvmOptions(@TempDir Path dir) throws Exception {
        int port = CdsTraining.freePortPair();
        Path manifest = Files.writeString(dir.resolve("cluster.yaml"),
                CdsTraining.withEtcdPorts(Files.readString(ROOT.resolve("examples/neoncluster-etcd.yaml")), port));
        Path work = dir.resolve("work");
        try {
            Run start = run(LAUNCHER, "local", "start", "-f", manifest.toString(), "--dir", work.toString(), "etcd");

            assertThat(start.exitCode()).as(start.err()).isZero();
            assertThat(start.out()).startsWith("etcd started (pid ");
            assertThat(run(LAUNCHER, "local", "status", "--dir", work.toString()).out()).contains("etcd", "running");
        } finally {
            Run stop = run(LAUNCHER, "local", "stop", "--dir", work.toString());
            assertThat(stop.exitCode()).as(stop.err()).isZero();
            assertThat(stop.out()).contains("etcd stopped (pid ");
        }
    }

    @Test
    void theBuildLeavesAClassDataSharingArchiveNewerThanTheJar() throws Exception {
        Path jar = ROOT.resolve("cli/target/neon-operator.jar");
        Path archive = ROOT.resolve("cli/target/neon-operator.jsa");

        assertThat(archive).isRegularFile();
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(Files.getLastModifiedTime(jar));
    }

    @Test
    void anUnusableClassDataSharingArchiveIsSkippedWithoutAWord(@TempDir Path checkout) throws Exception {
        Path launcher = copyLauncherAndJar(checkout);
        Path archive = checkout.resolve("cli/target/neon-operator.jsa");
        Files.writeString(archive, "not an archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(60)));

        Run run = run(launcher, "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("neon-operator ");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anArchiveMadeForAnotherJarIsSkippedWithoutAWord(@TempDir Path checkout) throws Exception {
        Path launcher = copyLauncherAndJar(checkout);
        Path archive = Files.copy(ROOT.resolve("cli/target/neon-operator.jsa"), checkout.resolve("cli/target/neon-operator.jsa"));
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(60)));

        Run run = run(launcher, "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
    }

    private static Path copyLauncherAndJar(Path checkout) throws IOException {
        Path launcher = Files.createDirectories(checkout.resolve("bin")).resolve("neon-operator");
        Files.copy(LAUNCHER, launcher);
        launcher.toFile().setExecutable(true);
        Files.copy(ROOT.resolve("cli/target/neon-operator.jar"),
                Files.createDirectories(checkout.resolve("cli/target")).resolve("neon-operator.jar"));
        return launcher;
    }

    @Test
    void missingJarTellsHowToBuildIt(@TempDir Path checkout) throws Exception {
        Path launcher = Files.createDirectories(checkout.resolve("bin")).resolve("neon-operator");
        Files.copy(LAUNCHER, launcher);
        launcher.toFile().setExecutable(true);

        Run run = run(launcher, "--help");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is not built yet").contains("mvn -B -q -DskipTests package");
    }
}

package io.neonops.controlplane.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.neonops.controlplane.pidfile.PidFile;
import io.neonops.controlplane.pidfile.PidFileRead;
import io.neonops.controlplane.posix.Signal;
import io.neonops.controlplane.process.DaemonState;
import io.neonops.controlplane.process.StartResult;
import io.neonops.controlplane.process.StopMode;
import io.neonops.controlplane.process.StopResult;
import io.neonops.controlplane.testsupport.FreePorts;
import io.neonops.controlplane.testsupport.ProcessTable;

/**
 * The real Postgres of Debian's {@code postgresql} package (CI installs it), run as root by CI: then as the
 * {@code postgres} user. On a free port and without a Unix socket, so a system cluster on 5432 is never in the way.
 */
class LocalPostgresTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private LocalPostgres postgres;

    @BeforeEach
    void newServer() throws IOException {
        // @TempDir is 0700; as root the postgres user must be able to reach the work directory inside it
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        PostgresBinaries binaries = PostgresBinaries.find(Optional.empty(), PostgresBinaries.DEBIAN_ROOT);
        postgres = new LocalPostgres(LocalPostgresSpec.storageController(binaries, dir.resolve("work"), FreePorts.next(),
                "storage_controller", PostgresRunAs.forThisProcess()));
        Files.createDirectories(postgres.spec().workDir());
    }

    @AfterEach
    void stopEverythingStarted() throws IOException {
        try {
            postgres.stop(StopMode.IMMEDIATE, TIMEOUT);
        } finally {
            ProcessTable.killAll(dir.toString());
        }
    }

    @Test
    void startInitializesTheClusterAndServesTheDatabaseUnderALockedPidFile() throws IOException {
        StartResult start = postgres.start(TIMEOUT);

        assertThat(start).isInstanceOf(StartResult.Started.class);
        long pid = start.pid();
        assertThat(postgres.initialized()).isTrue();
        assertThat(PostgresPing.ping(postgres.databaseUrl(), TIMEOUT)).isEqualTo(new PostgresPing.Result.Accepting());
        assertThat(postgres.databaseUrl()).hasToString("postgresql://storage_controller@127.0.0.1:" + postgres.spec().port()
                + "/storage_controller");
        assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip()).isEqualTo("postgres");
        assertThat(PidFile.read(postgres.spec().pidFile())).isEqualTo(new PidFileRead.LockedByOtherProcess(pid));
        assertThat(postgres.state()).isEqualTo(new DaemonState.Running(pid));
    }

    @Test
    void asRootThePostgresUserRunsTheServerAndOwnsTheDataDirectory() throws IOException {
        long pid = postgres.start(TIMEOUT).pid();

        String expectedUser = postgres.spec().runAs() instanceof PostgresRunAs.SystemUser system ? system.user()
                : System.getProperty("user.name");
        assertThat(Files.getOwner(postgres.spec().dataDir()).getName()).isEqualTo(expectedUser);
        assertThat(Files.getOwner(Path.of("/proc", Long.toString(pid))).getName()).isEqualTo(expectedUser);
    }

    @Test
    void aSecondStartWhileRunningFindsItAndStartsNothing() throws IOException {
        long pid = postgres.start(TIMEOUT).pid();

        assertThat(postgres.start(TIMEOUT)).isEqualTo(new StartResult.AlreadyRunning(pid));
        assertThat(ProcessTable.pidsWithArgumentContaining(postgres.spec().dataDir().toString())).containsExactly(pid);
    }

    @Test
    void aStartAfterAStopReusesTheClusterAndItsDatabase() throws IOException {
        postgres.start(TIMEOUT);
        String identifier = systemIdentifier();
        postgres.stop(StopMode.FAST, TIMEOUT);

        long second = postgres.start(TIMEOUT).pid();

        assertThat(systemIdentifier()).isEqualTo(identifier);
        assertThat(PostgresPing.ping(postgres.databaseUrl(), TIMEOUT)).isEqualTo(new PostgresPing.Result.Accepting());
        assertThat(Files.readString(postgres.spec().logFile())).containsOnlyOnce("database system is shut down");
        assertThat(postgres.state()).isEqualTo(new DaemonState.Running(second));
    }

    @Test
    void aFastStopIsPostgresFastShutdownAndLeavesNothingRunningAndThePidFileInPlace() throws IOException {
        long pid = postgres.start(TIMEOUT).pid();

        assertThat(postgres.stop(StopMode.FAST, TIMEOUT)).isEqualTo(new StopResult.Stopped(pid));

        assertThat(Files.readString(postgres.spec().logFile())).contains("received fast shutdown request");
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
        assertThat(postgres.spec().pidFile()).exists().hasContent(Long.toString(pid));
        assertThat(postgres.state()).isEqualTo(new DaemonState.Stale());
        assertThat(postgres.stop(StopMode.FAST, TIMEOUT)).isEqualTo(new StopResult.Stale());
    }

    @Test
    void aDataDirectoryWithFilesButNoClusterIsRefusedAndLeftAlone() throws IOException {
        Files.createDirectories(postgres.spec().dataDir());
        Path stray = Files.writeString(postgres.spec().dataDir().resolve("stray"), "x");

        assertThatThrownBy(() -> postgres.start(TIMEOUT)).isInstanceOf(IOException.class)
                .hasMessageContaining(postgres.spec().dataDir() + " holds files but no Postgres cluster (no PG_VERSION)");
        assertThat(stray).hasContent("x");
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
    }

    @Test
    void aFastStopSendsSigintAndAnImmediateStopSigquit() {
        assertThat(LocalPostgres.stopSignal(StopMode.FAST)).isEqualTo(Signal.SIGINT);
        assertThat(LocalPostgres.stopSignal(StopMode.IMMEDIATE)).isEqualTo(Signal.SIGQUIT);
    }

    private String systemIdentifier() throws IOException {
        String controlData = PostgresTool.run("pg_controldata", List.of(postgres.spec().binaries().binDir()
                .resolve("pg_controldata").toString(), "-D", postgres.spec().dataDir().toString()), dir, TIMEOUT);
        return controlData.lines().filter(line -> line.startsWith("Database system identifier")).findFirst().orElseThrow();
    }
}

package io.neonops.controlplane.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.neonops.controller.api.NodeAvailability;
import io.neonops.controller.api.PageserverNode;
import io.neonops.controller.api.StorageBrokerClient;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controller.api.testing.FakeStorageController;
import io.neonops.controlplane.pidfile.PidFile;
import io.neonops.controlplane.pidfile.PidFileRead;
import io.neonops.controlplane.postgres.LocalPostgres;
import io.neonops.controlplane.postgres.LocalPostgresSpec;
import io.neonops.controlplane.postgres.PostgresBinaries;
import io.neonops.controlplane.postgres.PostgresRunAs;
import io.neonops.controlplane.process.DaemonLaunch;
import io.neonops.controlplane.process.DaemonLauncher;
import io.neonops.controlplane.process.DaemonStartException;
import io.neonops.controlplane.process.PidFileMode;
import io.neonops.controlplane.process.StartResult;
import io.neonops.controlplane.process.StopMode;
import io.neonops.controlplane.process.StopResult;
import io.neonops.controlplane.timing.Deadline;
import io.neonops.pageserver.api.PageserverClient;
import io.neonops.pageserver.api.PageserverStatus;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.auth.Ed25519Keys;
import io.neonops.storage.common.auth.JwtClaims;
import io.neonops.storage.common.auth.JwtMinter;
import io.neonops.storage.common.auth.JwtScope;

/**
 * The fakes of the modern topology's daemons as the processes local mode will start: through the
 * {@link DaemonLauncher}, with the real binaries' command lines, stopped by the pid in their pid files.
 */
class FakeDaemonProcessesTest {
    private static final KeyPair KEYS = Ed25519Keys.generate();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final DaemonLauncher launcher = new DaemonLauncher();
    private final List<DaemonLaunch> launched = new ArrayList<>();
    private final List<AutoCloseable> inProcess = new ArrayList<>();
    private LocalPostgres postgres;

    @BeforeEach
    void searchableDir() throws IOException {
        // as root, Postgres runs as the postgres user, who must reach its data directory in here
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        postgres = new LocalPostgres(LocalPostgresSpec.storageController(PostgresBinaries.find(Optional.empty(),
                PostgresBinaries.DEBIAN_ROOT), dir, FreePorts.next(), "storage_controller", PostgresRunAs.forThisProcess()));
    }

    @AfterEach
    void stopEverythingStarted() throws Exception {
        try {
            for (DaemonLaunch launch : launched) {
                launcher.stop(launch.name(), launch.pidFile(), StopMode.IMMEDIATE, TIMEOUT);
            }
            postgres.stop(StopMode.IMMEDIATE, TIMEOUT);
            for (AutoCloseable server : inProcess) {
                server.close();
            }
        } finally {
            ProcessTable.killAll(dir.toString());
        }
    }

    @Test
    void theStorageBrokerServesStatusUnderThePidFileLocalModeHandsItAndStopsByPid() throws IOException {
        int port = FreePorts.next();
        DaemonLaunch broker = launch("storage_broker", FakeStorageBrokerDaemon.class, PidFileMode.CREATE,
                URI.create("http://127.0.0.1:" + port + "/status"), port, "--listen-addr", "127.0.0.1:" + port);

        long pid = launcher.start(broker).pid();

        new StorageBrokerClient(ApiClientSettings.of("http://127.0.0.1:" + port)).status();
        assertThat(PidFile.read(broker.pidFile())).isEqualTo(new PidFileRead.LockedByOtherProcess(pid));
        assertStopsByPid(broker, pid);
    }

    @Test
    void theStorageControllerDoesNotStartWithoutItsDatabase() throws IOException {
        int port = FreePorts.next();
        DaemonLaunch controller = storageController(port, "--db-connect-timeout", "300ms");

        assertThatThrownBy(() -> launcher.start(controller)).isInstanceOf(DaemonStartException.class)
                .hasMessageContaining("exited during startup")
                .hasMessageContaining("could not connect to the database 127.0.0.1:" + postgres.spec().port());
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
    }

    @Test
    void theStorageControllerStartsOnceItsDatabaseAcceptsAndIsReadyOnItsPort() throws IOException {
        postgres.start(TIMEOUT);
        int port = FreePorts.next();
        DaemonLaunch controller = storageController(port);

        long pid = launcher.start(controller).pid();

        assertThat(new StorageControllerClient(ApiClientSettings.of("http://127.0.0.1:" + port)).ready()).isTrue();
        assertStopsByPid(controller, pid);
    }

    @Test
    void thePageserverClaimsItsPidFileAndAnswersStatusOnlyAfterTheStorageControllerAnsweredItsReAttach() throws Exception {
        int controllerPort = FreePorts.next();
        int httpPort = FreePorts.next();
        int pgPort = FreePorts.next();
        Path workdir = Files.createDirectories(dir.resolve("pageserver_1"));
        Files.writeString(workdir.resolve("identity.toml"), "id=1\n");
        Files.writeString(workdir.resolve("metadata.json"), "{\"host\":\"127.0.0.1\",\"port\":" + pgPort
                + ",\"http_host\":\"127.0.0.1\",\"http_port\":" + httpPort + ",\"availability_zone_id\":\"local\"}");
        Files.writeString(workdir.resolve("pageserver.toml"), "control_plane_api = \"http://127.0.0.1:" + controllerPort
                + "/upcall/v1/\"\nlisten_http_addr = '127.0.0.1:" + httpPort + "'\nlisten_pg_addr = '127.0.0.1:" + pgPort
                + "'\nremote_storage = {local_path = \"" + dir.resolve("remote") + "\"}\n");
        DaemonLaunch pageserver = launch("pageserver_1", FakeModernPageserver.class, PidFileMode.EXPECT,
                URI.create("http://127.0.0.1:" + httpPort + "/v1/status"), httpPort, "-D", workdir.toString());

        CompletableFuture<StartResult> start = CompletableFuture.supplyAsync(() -> startOrThrow(pageserver));
        awaitLogLine(pageserver.logFile(), "re-attach failed");
        assertThat(start).isNotDone();
        assertThat(PidFile.read(pageserver.pidFile())).isInstanceOf(PidFileRead.LockedByOtherProcess.class);
        FakeStorageController controller = FakeStorageController.start(new InetSocketAddress("127.0.0.1", controllerPort));
        inProcess.add(controller);

        long pid = start.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).pid();

        assertThat(new PageserverClient(ApiClientSettings.of("http://127.0.0.1:" + httpPort)).status())
                .isEqualTo(new PageserverStatus(NodeId.of(1)));
        PageserverNode node = new StorageControllerClient(ApiClientSettings.of(controller.baseUri())).node(NodeId.of(1)).orElseThrow();
        assertThat(node.availability()).isEqualTo(NodeAvailability.ACTIVE);
        assertThat(controller.calls()).contains("POST /upcall/v1/re-attach");
        assertStopsByPid(pageserver, pid);
    }

    @Test
    void anArgumentTheRealStorageControllerDoesNotKnowIsRefusedAsClapRefusesIt() throws Exception {
        Process process = new ProcessBuilder(JavaCommand.of(FakeStorageControllerDaemon.class,
                List.of("-l", "127.0.0.1:1", "--database-url", "postgresql://u@127.0.0.1:1/d", "--dev", "--lazy-drains-fills")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();

        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(stderr).isEqualTo("error: unexpected argument '--lazy-drains-fills' found\n");
    }

    @Test
    void withoutDevModeTheStorageControllerRefusesToRunWithoutItsSecrets() throws Exception {
        Process process = new ProcessBuilder(JavaCommand.of(FakeStorageControllerDaemon.class,
                List.of("-l", "127.0.0.1:1", "--database-url", "postgresql://u@127.0.0.1:1/d")))
                .redirectErrorStream(true).start();

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(1);
        assertThat(output).contains("Insecure config! One or more secrets is not set. This is only permitted in `--dev` mode");
    }

    @Test
    void strictModeRefusesToRunWithoutAHookEvenWithEverySecret() throws Exception {
        String token = new JwtMinter(KEYS.getPrivate()).mint(JwtClaims.of(JwtScope.PAGESERVER_API));
        ProcessOutcome outcome = runStorageController(Map.of("PUBLIC_KEY", Ed25519Keys.publicKeyPem(KEYS.getPublic()),
                "PAGESERVER_JWT_TOKEN", token, "SAFEKEEPER_JWT_TOKEN", token, "CONTROL_PLANE_JWT_TOKEN", token),
                "--use-local-compute-notifications");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.output()).contains("strict mode needs --control-plane-url and refuses --use-local-compute-notifications");
    }

    @Test
    void withAPublicKeyTheStorageControllerRefusesToStartWithATokenItsCalleeWouldRefuse() throws Exception {
        JwtMinter minter = new JwtMinter(KEYS.getPrivate());
        String pem = Ed25519Keys.publicKeyPem(KEYS.getPublic());

        ProcessOutcome wrongScope = runStorageController(Map.of("PUBLIC_KEY", pem,
                "PAGESERVER_JWT_TOKEN", minter.mint(JwtClaims.of(JwtScope.SAFEKEEPER_DATA))), "--dev");
        ProcessOutcome foreignKey = runStorageController(Map.of("PUBLIC_KEY", pem, "SAFEKEEPER_JWT_TOKEN",
                new JwtMinter(Ed25519Keys.generate().getPrivate()).mint(JwtClaims.of(JwtScope.SAFEKEEPER_DATA))), "--dev");

        assertThat(wrongScope.exitCode()).isEqualTo(1);
        assertThat(wrongScope.output()).contains("PAGESERVER_JWT_TOKEN has scope safekeeperdata, its callee accepts pageserverapi");
        assertThat(foreignKey.exitCode()).isEqualTo(1);
        assertThat(foreignKey.output()).contains("SAFEKEEPER_JWT_TOKEN would be refused: the signature does not match the public key");
    }

    private record ProcessOutcome(int exitCode, String output) {
    }

    /** A storage controller whose database never answers: it gets only as far as its checks of the command line. */
    private static ProcessOutcome runStorageController(Map<String, String> environment, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-l", "127.0.0.1:1", "--database-url", "postgresql://u@127.0.0.1:1/d",
                "--db-connect-timeout", "1s"));
        args.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(JavaCommand.of(FakeStorageControllerDaemon.class, args)).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ProcessOutcome(process.waitFor(), output);
    }

    private DaemonLaunch storageController(int port, String... extra) {
        List<String> args = new ArrayList<>(List.of("-l", "127.0.0.1:" + port, "--database-url",
                postgres.databaseUrl().toString(), "--dev", "--timelines-onto-safekeepers", "--max-offline-interval", "10s"));
        args.addAll(List.of(extra));
        return launch("storage_controller", FakeStorageControllerDaemon.class, PidFileMode.CREATE,
                URI.create("http://127.0.0.1:" + port + "/ready"), port, args.toArray(String[]::new));
    }

    private DaemonLaunch launch(String name, Class<?> main, PidFileMode mode, URI readiness, int port, String... args) {
        DaemonLaunch launch = new DaemonLaunch(name, JavaCommand.of(main, List.of(args)), Map.of(), dir, dir,
                dir.resolve(mode == PidFileMode.CREATE ? name + ".pid" : name + "/pageserver.pid"), mode, readiness,
                List.of(new InetSocketAddress("127.0.0.1", port)), TIMEOUT);
        launched.add(launch);
        return launch;
    }

    private StartResult startOrThrow(DaemonLaunch launch) {
        try {
            return launcher.start(launch);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertStopsByPid(DaemonLaunch launch, long pid) throws IOException {
        assertThat(launcher.stop(launch.name(), launch.pidFile(), StopMode.FAST, TIMEOUT)).isEqualTo(new StopResult.Stopped(pid));
        assertThat(ProcessTable.isRunning(pid)).isFalse();
        assertThat(launch.pidFile()).exists().hasContent(Long.toString(pid));
    }

    /** Polls the log until the line shows up: the daemon's own account of where it is. */
    private static void awaitLogLine(Path log, String text) throws IOException {
        Deadline deadline = Deadline.after(TIMEOUT);
        while (!(Files.exists(log) && Files.readString(log).contains(text))) {
            if (deadline.expired()) {
                throw new AssertionError("no '" + text + "' in " + log + " within " + TIMEOUT);
            }
            deadline.pause(Duration.ofMillis(20));
        }
    }
}

package io.neonops.controlplane.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.neonops.controller.api.PageserverNode;
import io.neonops.controller.api.RegisteredSafekeeper;
import io.neonops.controller.api.SafekeeperSchedulingPolicy;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controlplane.posix.Posix;
import io.neonops.controlplane.posix.Signal;
import io.neonops.controlplane.testsupport.FakeModernPageserver;
import io.neonops.controlplane.testsupport.FakeStorageBrokerDaemon;
import io.neonops.controlplane.testsupport.FakeStorageControllerDaemon;
import io.neonops.controlplane.testsupport.FreePorts;
import io.neonops.controlplane.testsupport.ProcessTable;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.UnauthorizedException;
import io.neonops.storage.common.auth.Ed25519Keys;
import io.neonops.storage.common.auth.JwtClaims;
import io.neonops.storage.common.auth.JwtMinter;
import io.neonops.storage.common.auth.JwtScope;
import io.neonops.storage.common.auth.JwtVerifier;

/**
 * The modern example through local mode: the real Debian Postgres for the storage controller's database, and the
 * storage controller, broker, safekeepers and pageserver from a fake Neon bin directory whose scripts run the fakes
 * with the real command lines. The fakes check the order themselves: the storage controller exits when its
 * database does not answer, the pageserver is ready only once the storage controller took its re-attach. With
 * {@code spec.auth} they check the tokens too.
 */
class LocalModeModernTest extends LocalModeTestBase {
    private static final Path EXAMPLE = Path.of("..", "..", "examples", "neoncluster.yaml");
    private static final Pattern RUNNING = Pattern.compile("(?m)^\\S+ +running +(\\d+)");

    private int storageControllerPort;
    private int brokerPort;
    private int databasePort;
    private Path bin;

    @Override
    String clusterName() {
        return "neon";
    }

    @BeforeEach
    void modernManifestAndFakeBinaries() throws IOException {
        // as root, Postgres runs as the postgres user, who must reach DIR/storage_controller_db
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Files.createDirectory(workDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        int base = FreePorts.block(3);
        storageControllerPort = base;
        brokerPort = base + 1;
        databasePort = base + 2;
        manifest = Files.writeString(dir.resolve("neoncluster.yaml"), Files.readString(EXAMPLE) + """
                  local:
                    pageserverPgPort: %d
                    pageserverHttpPort: %d
                    safekeeperPgPort: %d
                    safekeeperHttpPort: %d
                    storageBrokerPort: %d
                    storageControllerPort: %d
                    storageControllerDbPort: %d
                """.formatted(ports.pageserverPg(), ports.pageserverHttp(), ports.safekeeperPg(), ports.safekeeperHttp(),
                brokerPort, storageControllerPort, databasePort));
        bin = dir.resolve("bin");
        LocalFixtures.fakeNeonBinDir(bin, List.of("safekeeper"), List.of());
        LocalFixtures.fakeBinary(bin, "storage_controller", FakeStorageControllerDaemon.class, List.of());
        LocalFixtures.fakeBinary(bin, "storage_broker", FakeStorageBrokerDaemon.class, List.of());
        LocalFixtures.fakeBinary(bin, "pageserver", FakeModernPageserver.class, List.of());
    }

    /**
     * The fakes' command lines do not name the test directory, which the base class kills by: whatever a pid file
     * here names and still runs after {@code stop} is killed by its pid.
     */
    @AfterEach
    void killWhatThePidFilesName() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (LocalDaemon daemon : PidFileScan.daemons(workDir)) {
            String content = Files.readString(daemon.pidFile()).strip();
            if (content.matches("\\d{1,9}")) {
                pids.add(Long.parseLong(content));
            }
        }
        LocalCli.run("stop", "--dir", workDir.toString(), "--immediate");
        for (long pid : pids) {
            if (ProcessTable.isRunning(pid)) {
                Posix.kill(pid, Signal.SIGKILL);
            }
        }
    }

    @Test
    void startRunsTheModernClusterInOrderRegistersTheSafekeepersAndStopEndsEverything() throws Exception {
        LocalCli.Outcome start = LocalCli.runInOwnJvm(Map.of(LocalStartCommand.NEON_BIN_DIR, bin.toString()),
                "start", "-f", manifest.toString(), "--dir", workDir.toString());

        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(start.out()).containsPattern("(?s)storage-controller-db started.*storage-controller started.*"
                + "storage-broker started.*safekeeper-1 started.*safekeeper-2 started.*safekeeper-3 started.*"
                + "3/3 safekeepers registered with the storage controller.*pageserver started");
        assertThat(workDir.resolve("storage_controller_db/PG_VERSION")).exists();
        assertThat(workDir.resolve("pageserver_1/pageserver.toml")).content()
                .contains("control_plane_api = \"http://127.0.0.1:" + storageControllerPort + "/upcall/v1/\"")
                .contains("broker_endpoint = \"http://127.0.0.1:" + brokerPort + "\"");
        assertThat(workDir.resolve("pageserver_1/identity.toml")).content().isEqualTo("id=1\n");
        StorageControllerClient storageController = new StorageControllerClient(
                ApiClientSettings.of("http://127.0.0.1:" + storageControllerPort));
        assertThat(storageController.listSafekeepers()).extracting(RegisteredSafekeeper::schedulingPolicy)
                .containsOnly(SafekeeperSchedulingPolicy.ACTIVE).hasSize(3);
        assertThat(storageController.safekeeper(NodeId.of(2)).orElseThrow().registration().port())
                .isEqualTo(ports.safekeeperPg() + 1);
        assertThat(storageController.listNodes()).extracting(PageserverNode::id, PageserverNode::listenHttpPort)
                .containsExactly(tuple(NodeId.of(1), ports.pageserverHttp()));

        statusShowsAllSevenRunningAndStopEndsThem();
    }

    /** {@code status} lists the seven daemons running; {@code stop} ends them in reverse order and leaves none running. */
    private void statusShowsAllSevenRunningAndStopEndsThem() throws Exception {
        LocalCli.Outcome status = LocalCli.run("status", "--dir", workDir.toString());
        Matcher running = RUNNING.matcher(status.out());
        List<Long> seen = new ArrayList<>();
        while (running.find()) {
            seen.add(Long.parseLong(running.group(1)));
        }
        assertThat(seen).as(status.out()).hasSize(7);
        assertThat(status.out()).containsPattern("(?m)^storage-controller-db +running +\\d+ +pg=" + databasePort + "$");

        LocalCli.Outcome stop = LocalCli.run("stop", "--dir", workDir.toString());

        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.out()).containsPattern("(?s)pageserver stopped.*safekeeper-3 stopped.*safekeeper-1 stopped.*"
                + "storage-broker stopped.*storage-controller stopped.*storage-controller-db stopped");
        assertThat(seen).noneMatch(ProcessTable::isRunning);
        assertThat(ProcessTable.pidsWithArgumentContaining(dir.toString())).isEmpty();
    }

    /**
     * With {@code spec.auth} the fakes check every token as the real daemons would, with the public key local mode gives
     * them: the storage controller refuses a wrong-scope or foreign token on each call and checks the tokens it was
     * given at start, the pageserver its safekeeper token and its key file, the safekeepers their key files. So a
     * registered safekeeper proves local mode's admin token, a registered pageserver the upcall token in its
     * pageserver.toml.
     */
    @Test
    void withAuthLocalModeGeneratesTheKeyPairMintsEachDaemonsTokenAndTheDaemonsAcceptThem() throws Exception {
        Files.writeString(manifest, Files.readString(manifest)
                + "  auth: {enabled: true, publicKeySecret: neon-jwt-key, storageControllerSecret: neon-storcon-tokens}\n");

        LocalCli.Outcome start = LocalCli.runInOwnJvm(Map.of(LocalStartCommand.NEON_BIN_DIR, bin.toString()),
                "start", "-f", manifest.toString(), "--dir", workDir.toString());

        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(start.out()).containsPattern("(?s)storage-controller started.*3/3 safekeepers registered with the"
                + " storage controller.*pageserver started");
        Path privateKey = workDir.resolve("auth_private_key.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
        JwtMinter minter = new JwtMinter(Ed25519Keys.readPrivateKey(Files.readString(privateKey)));
        JwtVerifier verifier = new JwtVerifier(Ed25519Keys.readPublicKey(Files.readString(workDir.resolve("auth_public_key.pem"))));
        Path pageserverToml = workDir.resolve("pageserver_1/pageserver.toml");
        Matcher upcallToken = Pattern.compile("(?m)^control_plane_api_token = \"([^\"]+)\"$").matcher(Files.readString(pageserverToml));
        assertThat(upcallToken.find()).as(Files.readString(pageserverToml)).isTrue();
        assertThat(verifier.verify(upcallToken.group(1))).isEqualTo(JwtClaims.of(JwtScope.GENERATIONS_API));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pageserverToml))).isEqualTo("rw-------");
        for (JwtScope scope : List.of(JwtScope.PAGESERVER_API, JwtScope.SAFEKEEPER_DATA, JwtScope.GENERATIONS_API)) {
            assertThat(ProcessTable.pidsWithArgumentContaining(minter.mint(JwtClaims.of(scope)))).as("no token on a command line").isEmpty();
        }
        assertThat(storageController(Optional.of(minter.mint(JwtClaims.of(JwtScope.ADMIN)))).listSafekeepers())
                .extracting(RegisteredSafekeeper::schedulingPolicy).containsOnly(SafekeeperSchedulingPolicy.ACTIVE).hasSize(3);
        assertThat(storageController(Optional.of(minter.mint(JwtClaims.of(JwtScope.ADMIN)))).listNodes())
                .extracting(PageserverNode::id).containsExactly(NodeId.of(1));
        String foreignAdmin = new JwtMinter(Ed25519Keys.generate().getPrivate()).mint(JwtClaims.of(JwtScope.ADMIN));
        for (Optional<String> refused : List.of(Optional.<String>empty(), Optional.of(foreignAdmin),
                Optional.of(minter.mint(JwtClaims.of(JwtScope.GENERATIONS_API))))) {
            assertThatThrownBy(() -> storageController(refused).listSafekeepers()).isInstanceOf(UnauthorizedException.class);
        }

        statusShowsAllSevenRunningAndStopEndsThem();
    }

    private StorageControllerClient storageController(Optional<String> token) {
        ApiClientSettings settings = ApiClientSettings.of("http://127.0.0.1:" + storageControllerPort);
        return new StorageControllerClient(token.map(settings::withBearerToken).orElse(settings));
    }

    @Test
    void aFailedRegistrationStopsWhatTheStartStarted() throws Exception {
        // only the safekeepers: no storage controller answers their registration
        LocalCli.Outcome start = LocalCli.runInOwnJvm(Map.of(LocalStartCommand.NEON_BIN_DIR, bin.toString()),
                "start", "-f", manifest.toString(), "--dir", workDir.toString(), "safekeeper");

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.err()).contains("registering the safekeepers with the storage controller at http://127.0.0.1:"
                + storageControllerPort + " failed: 0/3 safekeepers registered").contains("stopped safekeeper-3, safekeeper-2,"
                + " safekeeper-1 again");
        assertThat(LocalCli.run("status", "--dir", workDir.toString()).out()).doesNotContain(" running ");
    }
}

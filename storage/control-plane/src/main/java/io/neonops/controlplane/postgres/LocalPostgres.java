package io.neonops.controlplane.postgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.neonops.controlplane.posix.Signal;
import io.neonops.controlplane.process.DaemonLaunch;
import io.neonops.controlplane.process.DaemonLauncher;
import io.neonops.controlplane.process.DaemonState;
import io.neonops.controlplane.process.LaunchSteps;
import io.neonops.controlplane.process.PidFileMode;
import io.neonops.controlplane.process.StartResult;
import io.neonops.controlplane.process.StopMode;
import io.neonops.controlplane.process.StopResult;

/**
 * A Postgres server run by local mode for the storage controller's database, as neon_local runs one: {@code initdb}
 * once into the work directory (a later start reuses the cluster), the server as a daemon of the
 * {@link DaemonLauncher}, the database created once.
 *
 * <p>Postgres's own {@code postmaster.pid} is no flock'd pid file, so local mode claims {@code <name>.pid} itself and
 * hands the locked descriptor to the server ({@link PidFileMode#CREATE}, as for etcd); the server's children inherit
 * it too, and the lock goes when the last of them exits. Ready means: the server accepts connections, spoken through
 * its protocol ({@link PostgresPing}), and its pid file is locked by the spawned pid.
 *
 * <p>Stop signals: a fast stop sends SIGINT, Postgres's fast shutdown (clients disconnected, a shutdown checkpoint,
 * nothing lost), not SIGTERM: that is its smart shutdown, which would wait for every client to leave, and the
 * storage controller keeps a pool of connections open. An immediate stop sends SIGQUIT, as to Neon's daemons
 * (crash recovery on the next start).
 */
public final class LocalPostgres {
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);

    private final LocalPostgresSpec spec;
    private final DaemonLauncher launcher = new DaemonLauncher();

    public LocalPostgres(LocalPostgresSpec spec) {
        this.spec = spec;
    }

    public LocalPostgresSpec spec() {
        return spec;
    }

    /** {@code postgresql://user@127.0.0.1:port/database}, for the storage controller. */
    public URI databaseUrl() {
        return spec.databaseUrl();
    }

    /**
     * Runs {@code initdb} unless the data directory holds a cluster, starts the server unless it runs, and creates
     * the database unless it exists; returns once the database accepts connections.
     */
    public StartResult start(Duration readyTimeout) throws IOException {
        return launcher.start(launch(readyTimeout), new LaunchSteps(this::initdbOnce, this::createDatabaseOnce));
    }

    public StopResult stop(StopMode mode, Duration timeout) throws IOException {
        return launcher.stop(spec.name(), spec.pidFile(), stopSignal(mode), timeout);
    }

    public DaemonState state() throws IOException {
        return launcher.state(spec.name(), spec.pidFile());
    }

    /** The signal that asks Postgres for a stop of this mode (see the class comment). */
    public static Signal stopSignal(StopMode mode) {
        return switch (mode) {
            case FAST -> Signal.SIGINT;
            case IMMEDIATE -> Signal.SIGQUIT;
        };
    }

    /** The server as a daemon: no Unix socket, TCP on 127.0.0.1 only. */
    public DaemonLaunch launch(Duration readyTimeout) {
        List<String> postgres = List.of(spec.binaries().postgres().toString(), "-D", spec.dataDir().toString(),
                "-p", Integer.toString(spec.port()), "-c", "listen_addresses=" + LocalPostgresSpec.HOST,
                "-c", "unix_socket_directories=");
        return new DaemonLaunch(spec.name(), spec.runAs().command(postgres), Map.of(), spec.workDir(), spec.workDir(),
                spec.pidFile(), PidFileMode.CREATE, spec.maintenanceUrl(),
                List.of(new InetSocketAddress(LocalPostgresSpec.HOST, spec.port())), readyTimeout);
    }

    /** Whether {@code initdb} has run to its end in the data directory. */
    public boolean initialized() {
        return Files.isRegularFile(spec.dataDir().resolve("PG_VERSION"));
    }

    private void initdbOnce() throws IOException {
        Path dataDir = spec.dataDir();
        spec.runAs().requireReachable(dataDir);
        if (initialized()) {
            return;
        }
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(dataDir + " holds files but no Postgres cluster (no PG_VERSION): an interrupted"
                            + " initdb? Remove it to have it created anew");
                }
            }
        } else {
            Files.createDirectory(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        // initdb as another user cannot create a directory in ours, but can fill one of its own
        spec.runAs().own(dataDir);
        PostgresTool.run("initdb", spec.runAs().command(List.of(spec.binaries().initdb().toString(), "-D", dataDir.toString(),
                "--username=" + spec.user(), "--auth=trust", "--encoding=UTF8", "--locale=C")), spec.workDir(), TOOL_TIMEOUT);
    }

    private void createDatabaseOnce() throws IOException {
        String exists = psql("SELECT 1 FROM pg_database WHERE datname = '" + spec.database() + "'");
        if (!exists.strip().equals("1")) {
            psql("CREATE DATABASE " + spec.database() + " OWNER " + spec.user());
        }
    }

    /** psql as ourselves: a client needs no particular uid, only the trusted TCP connection. */
    private String psql(String sql) throws IOException {
        return PostgresTool.run("psql", List.of(spec.binaries().psql().toString(), "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
                "-h", LocalPostgresSpec.HOST, "-p", Integer.toString(spec.port()), "-U", spec.user(), "-d", "postgres",
                "-c", sql), spec.workDir(), TOOL_TIMEOUT);
    }
}

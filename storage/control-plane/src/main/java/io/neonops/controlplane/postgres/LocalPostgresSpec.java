package io.neonops.controlplane.postgres;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One local Postgres server holding one database, laid out in the local cluster's work directory as neon_local
 * lays out the storage controller's: {@code DIR/<name>} the data directory ({@code initdb} once, kept),
 * {@code DIR/<name>.pid} the pid file local mode claims, {@code DIR/<name>.log} the server's log.
 *
 * @param name     the daemon's name in messages, pid and log file names
 * @param binaries where {@code initdb}, {@code postgres} and {@code psql} are
 * @param workDir  the local cluster's directory
 * @param port     the TCP port on 127.0.0.1; the server has no Unix socket, so two servers never share one
 * @param database the database created once, owned by {@code user}
 * @param user     the superuser {@code initdb} creates; connections from 127.0.0.1 are trusted
 * @param runAs    whose uid {@code initdb} and {@code postgres} run with
 */
public record LocalPostgresSpec(String name, PostgresBinaries binaries, Path workDir, int port, String database,
        String user, PostgresRunAs runAs) {

    public static final String HOST = "127.0.0.1";
    /** neon_local's name for the storage controller's data directory. */
    public static final String STORAGE_CONTROLLER_DB = "storage_controller_db";
    /** The database the storage controller's migrations run in; it does not create it itself. */
    public static final String STORAGE_CONTROLLER_DATABASE = "storage_controller";
    // plain SQL identifiers: nothing to quote in SQL nor to escape in the URL
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public LocalPostgresSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(binaries, "binaries");
        Objects.requireNonNull(runAs, "runAs");
        workDir = workDir.toAbsolutePath().normalize();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + ": invalid port " + port);
        }
        requireIdentifier("database", database);
        requireIdentifier("user", user);
    }

    /** The storage controller's database in {@code DIR/storage_controller_db}. */
    public static LocalPostgresSpec storageController(PostgresBinaries binaries, Path workDir, int port, String user,
            PostgresRunAs runAs) {
        return new LocalPostgresSpec(STORAGE_CONTROLLER_DB, binaries, workDir, port, STORAGE_CONTROLLER_DATABASE, user, runAs);
    }

    public Path dataDir() {
        return workDir.resolve(name);
    }

    public Path pidFile() {
        return pidFile(workDir, name);
    }

    /** {@code DIR/<name>.pid}: where the server of this name keeps its pid file, found without its binaries. */
    public static Path pidFile(Path workDir, String name) {
        return workDir.resolve(name + ".pid");
    }

    public Path logFile() {
        return workDir.resolve(name + ".log");
    }

    /** What the storage controller gets as {@code --database-url}. */
    public URI databaseUrl() {
        return url(database);
    }

    /** The maintenance database {@code postgres}, which exists before {@link #database} is created. */
    URI maintenanceUrl() {
        return url("postgres");
    }

    private URI url(String db) {
        return URI.create("postgresql://" + user + "@" + HOST + ":" + port + "/" + db);
    }

    private static void requireIdentifier(String what, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid Postgres " + what + " name '" + value
                    + "': lower-case letters, digits and '_', not starting with a digit, at most 63");
        }
    }
}

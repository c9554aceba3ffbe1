package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.process.PidFileMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The storage controller's own Postgres, from the official image: its entrypoint creates the user and the
 * database on an empty data directory, with the password from the generated Secret, and then runs postgres.
 */
public final class StorageControllerDbNodeSpec {

    /** The user that owns the database: the storage controller's migrations create tables, functions and triggers. */
    public static final String USER = "storage_controller";
    /** The name the storage controller expects, as neon_local creates it. */
    public static final String DATABASE = "storage_controller";
    /** Keys of the generated Secret: the password, and the URL built from it, which the storage controller reads. */
    public static final String PASSWORD_KEY = "password";
    public static final String DATABASE_URL_KEY = StorageControllerNodeSpec.DATABASE_URL;
    /** A directory below the volume's root, which may hold {@code lost+found}, where initdb refuses to run. */
    static final String PGDATA_DIRECTORY = "pgdata";

    private StorageControllerDbNodeSpec() {
    }

    static ComponentSpec build(ClusterSpec cluster, Environment env, int index) {
        Component db = Component.STORAGE_CONTROLLER_DB;
        int port = env.port(db, index, NodePort.STORAGE_CONTROLLER_DB);
        Path dataDir = env.dataDir(db, index);
        Path pgData = dataDir.resolve(PGDATA_DIRECTORY);
        Map<String, EnvValue> environment = Map.of(
                "POSTGRES_USER", new EnvValue.Literal(USER),
                "POSTGRES_DB", new EnvValue.Literal(DATABASE),
                "POSTGRES_PASSWORD", new EnvValue.FromSecret(secretName(cluster), PASSWORD_KEY),
                "PGDATA", new EnvValue.Literal(pgData.toString()));
        List<String> args = List.of("postgres", "-c", "listen_addresses=" + env.listenHost(), "-p", Integer.toString(port));
        // over the local socket, so that the probe needs no password
        ExecProbe readiness = new ExecProbe(List.of("pg_isready", "-U", USER, "-d", DATABASE, "-p", Integer.toString(port)));
        return new ComponentSpec(db, index, ComponentSpecs.memberName(cluster, db, index), env.binary(db), args,
                Map.of(), Set.of(), ComponentSpecs.ports(env, db, index), environment, readiness, dataDir,
                pgData.resolve("postmaster.pid"), PidFileMode.EXPECT);
    }

    /** The Secret the operator generates once, holding {@link #PASSWORD_KEY} and {@link #DATABASE_URL_KEY}. */
    public static String secretName(ClusterSpec cluster) {
        return cluster.name() + "-" + Component.STORAGE_CONTROLLER_DB.id();
    }

    /** The storage controller's connection URL, at the database's {@code host}; the password must be URL-safe. */
    public static String databaseUrl(String host, String password) {
        return "postgresql://" + USER + ":" + password + "@"
                + ComponentSpecs.address(host, NodePort.STORAGE_CONTROLLER_DB.port()) + "/" + DATABASE;
    }
}

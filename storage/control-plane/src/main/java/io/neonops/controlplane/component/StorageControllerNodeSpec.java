package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.AuthSpec;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.StorageControllerDatabase;
import io.neonops.controlplane.process.PidFileMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The storage controller. Its database URL and, with auth, its public key and tokens come from Secrets through
 * the environment (which the binary reads), so that no secret is in a pod spec or a command line.
 */
public final class StorageControllerNodeSpec {

    public static final String DATABASE_URL = "DATABASE_URL";
    /** Strict mode refuses fewer safekeepers per timeline; Neon's default. */
    static final int SAFEKEEPERS_PER_TIMELINE = 3;
    static final String PID_FILE = "storage_controller.pid";

    private StorageControllerNodeSpec() {
    }

    static ComponentSpec build(ClusterSpec cluster, Environment env, int index) {
        Component storcon = Component.STORAGE_CONTROLLER;
        int port = env.port(storcon, index, NodePort.STORAGE_CONTROLLER_HTTP);
        List<String> args = new ArrayList<>(List.of(
                "-l", ComponentSpecs.address(env.listenHost(), port),
                "--address-for-peers", ComponentSpecs.url(env.advertisedHost(storcon, index), port),
                "--timeline-safekeeper-count", Integer.toString(safekeepersPerTimeline(cluster))));
        Optional<String> hook = env.computeNotificationUrl(cluster);
        // strict mode needs a hook to call, as well as the secrets; neon_local runs it with --dev for that reason
        if (!cluster.auth().enabled() || hook.isEmpty()) {
            args.add("--dev");
        }
        hook.ifPresentOrElse(
                url -> args.addAll(List.of("--control-plane-url", url)),
                () -> args.add("--use-local-compute-notifications"));
        Path dataDir = env.dataDir(storcon, index);
        return new ComponentSpec(storcon, index, ComponentSpecs.memberName(cluster, storcon, index),
                env.binary(storcon), args, Map.of(), Set.of(), ComponentSpecs.ports(env, storcon, index),
                environment(cluster, hook.isPresent()), HttpProbe.STORAGE_CONTROLLER_READY, dataDir, dataDir.resolve(PID_FILE),
                PidFileMode.CREATE);
    }

    /** Every timeline on three safekeepers, or on all of them when there are fewer (which only {@code --dev} allows). */
    static int safekeepersPerTimeline(ClusterSpec cluster) {
        return Math.min(SAFEKEEPERS_PER_TIMELINE, cluster.safekeepers().replicas());
    }

    /** Without a hook there is nothing to send its token to. */
    private static Map<String, EnvValue> environment(ClusterSpec cluster, boolean hook) {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put(DATABASE_URL, databaseUrl(cluster));
        AuthSpec auth = cluster.auth();
        auth.publicKeySecret().filter(secret -> auth.enabled()).ifPresent(
                secret -> env.put("PUBLIC_KEY", new EnvValue.FromSecret(secret, AuthSpec.PUBLIC_KEY_FILE)));
        auth.storageControllerSecret().filter(secret -> auth.enabled()).ifPresent(secret ->
                AuthSpec.STORAGE_CONTROLLER_TOKEN_KEYS.stream().filter(key -> hook || !key.equals(AuthSpec.COMPUTE_HOOK_TOKEN_KEY))
                        .forEach(key -> env.put(key, new EnvValue.FromSecret(secret, key))));
        return env;
    }

    private static EnvValue databaseUrl(ClusterSpec cluster) {
        StorageControllerDatabase database = cluster.storageController().orElseThrow().database();
        if (database instanceof StorageControllerDatabase.External external) {
            return new EnvValue.FromSecret(external.secretName(), external.key());
        }
        return new EnvValue.FromSecret(StorageControllerDbNodeSpec.secretName(cluster), DATABASE_URL);
    }
}

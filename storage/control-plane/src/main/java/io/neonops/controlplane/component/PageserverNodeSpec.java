package io.neonops.controlplane.component;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.neonops.controlplane.cluster.AuthSpec;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.RemoteStorageSpec;
import io.neonops.controlplane.process.PidFileMode;
import io.neonops.controller.api.PageserverMetadata;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.NeonJson;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pageserver, in the generation its cluster's broker chooses.
 *
 * <p>2022 (etcd): what all pageservers share goes into {@code pageserver.toml}; what differs per node (id,
 * addresses) goes on the command line as {@code -c key=value} overrides. Modern (storage broker): the command
 * line is only {@code -D}; the node id is in {@code identity.toml}, the addresses it registers with the storage
 * controller in {@code metadata.json}, and {@code pageserver.toml} names the storage controller and the broker.
 */
public final class PageserverNodeSpec {

    public static final String CONFIG_FILE = "pageserver.toml";
    public static final String IDENTITY_FILE = "identity.toml";
    public static final String METADATA_FILE = "metadata.json";
    public static final String PID_FILE = "pageserver.pid";
    /** The token a pageserver presents to the safekeepers. */
    public static final String SAFEKEEPER_TOKEN_VARIABLE = "NEON_AUTH_TOKEN";
    /** The storage controller's upcall prefix, to which the pageserver appends {@code re-attach} and {@code validate}. */
    static final String UPCALL_PATH = "/upcall/v1/";

    private PageserverNodeSpec() {
    }

    /** The node id of pageserver {@code index}, in both generations. */
    public static NodeId nodeId(int index) {
        return NodeId.of(index + 1L);
    }

    static ComponentSpec build(ClusterSpec cluster, Environment env, int index) {
        return cluster.storageBroker().isPresent() ? modern(cluster, env, index) : legacy(cluster, env, index);
    }

    private static ComponentSpec legacy(ClusterSpec cluster, Environment env, int index) {
        Path dataDir = env.dataDir(Component.PAGESERVER, index);
        List<String> args = List.of(
                "-D", dataDir.toString(),
                "-c", "id=" + nodeId(index).value(),
                "-c", "listen_pg_addr=" + TomlWriter.value(listenAddress(env, index, NodePort.PAGESERVER_PG)),
                "-c", "listen_http_addr=" + TomlWriter.value(listenAddress(env, index, NodePort.PAGESERVER_HTTP)));
        return spec(cluster, env, index, args, Map.of(CONFIG_FILE, configToml(cluster, env)), Set.of(), Map.of());
    }

    private static ComponentSpec modern(ClusterSpec cluster, Environment env, int index) {
        Map<String, String> files = Map.of(
                CONFIG_FILE, modernConfigToml(cluster, env, index),
                IDENTITY_FILE, "id=" + nodeId(index).value() + "\n",
                METADATA_FILE, metadataJson(cluster, env, index));
        return spec(cluster, env, index, List.of("-D", env.dataDir(Component.PAGESERVER, index).toString()), files,
                Set.of(IDENTITY_FILE, METADATA_FILE), modernEnvironment(cluster));
    }

    /**
     * With {@code spec.auth} the safekeepers check the token a pageserver presents when it streams WAL from them: scope
     * {@code safekeeperdata}, read from {@code NEON_AUTH_TOKEN}; the storage controller's safekeeper token is that one.
     */
    private static Map<String, EnvValue> modernEnvironment(ClusterSpec cluster) {
        AuthSpec auth = cluster.auth();
        return auth.storageControllerSecret().filter(secret -> auth.enabled())
                .<Map<String, EnvValue>>map(secret -> Map.of(SAFEKEEPER_TOKEN_VARIABLE,
                        new EnvValue.FromSecret(secret, AuthSpec.SAFEKEEPER_TOKEN_KEY)))
                .orElse(Map.of());
    }

    private static ComponentSpec spec(ClusterSpec cluster, Environment env, int index, List<String> args,
                                      Map<String, String> files, Set<String> nodeFiles, Map<String, EnvValue> environment) {
        Component ps = Component.PAGESERVER;
        Path dataDir = env.dataDir(ps, index);
        return new ComponentSpec(ps, index, ComponentSpecs.memberName(cluster, ps, index), env.binary(ps), args,
                files, nodeFiles, ComponentSpecs.ports(env, ps, index), environment, HttpProbe.PAGESERVER_STATUS,
                dataDir, dataDir.resolve(PID_FILE), PidFileMode.EXPECT);
    }

    /** The 2022 shared pageserver.toml: managed keys first, then the user's extra keys from the spec. */
    public static String configToml(ClusterSpec cluster, Environment env) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("pg_distrib_dir", env.pgDistribDir().toString());
        config.put("broker_endpoints", ComponentSpecs.brokerEndpoints(cluster, env));
        if (cluster.auth().enabled()) {
            config.put("auth_type", "NeonJWT");
            config.put("auth_validation_public_key_path", env.authPublicKeyPath().toString());
        } else {
            config.put("auth_type", "Trust");
        }
        cluster.remoteStorage().ifPresent(rs -> config.put("remote_storage", remoteStorage(rs)));
        return document(cluster, config);
    }

    /**
     * The modern pageserver.toml. The listen addresses are here because the command line takes no overrides any
     * more; in Kubernetes every node has the same ones, so the file is still shared there.
     */
    static String modernConfigToml(ClusterSpec cluster, Environment env, int index) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("control_plane_api",
                ComponentSpecs.serviceUrl(env, Component.STORAGE_CONTROLLER, NodePort.STORAGE_CONTROLLER_HTTP) + UPCALL_PATH);
        config.put("broker_endpoint", StorageBrokerNodeSpec.endpoint(env));
        config.put("listen_pg_addr", listenAddress(env, index, NodePort.PAGESERVER_PG));
        config.put("listen_http_addr", listenAddress(env, index, NodePort.PAGESERVER_HTTP));
        config.put("pg_distrib_dir", env.pgDistribDir().toString());
        config.put("availability_zone", cluster.pageserver().availabilityZone());
        String authType = cluster.auth().enabled() ? "NeonJWT" : "Trust";
        config.put("http_auth_type", authType);
        config.put("pg_auth_type", authType);
        if (cluster.auth().enabled()) {
            config.put("auth_validation_public_key_path", env.authPublicKeyPath().toString());
        }
        cluster.remoteStorage().ifPresent(rs -> config.put("remote_storage", remoteStorage(rs)));
        return document(cluster, config);
    }

    /** Managed keys, then the user's extra keys from the spec, under a header that says who writes the file. */
    private static String document(ClusterSpec cluster, Map<String, Object> managed) {
        Map<String, Object> config = new LinkedHashMap<>(managed);
        config.putAll(cluster.pageserver().config());
        return "# Generated by neon-operator for NeonCluster " + cluster.namespace() + "/" + cluster.name()
                + "; changes here are overwritten.\n" + TomlWriter.document(config);
    }

    /**
     * What the pageserver registers with the storage controller on every start: its stable per-node name, so that
     * the registration stays the same for the node id (a changed one is refused with 409).
     */
    static String metadataJson(ClusterSpec cluster, Environment env, int index) {
        Component ps = Component.PAGESERVER;
        PageserverMetadata metadata = PageserverMetadata.of(env.advertisedHost(ps, index),
                env.port(ps, index, NodePort.PAGESERVER_PG), env.port(ps, index, NodePort.PAGESERVER_HTTP),
                cluster.pageserver().availabilityZone());
        try {
            return NeonJson.writer().writeValueAsString(metadata) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String listenAddress(Environment env, int index, NodePort port) {
        return ComponentSpecs.address(env.listenHost(), env.port(Component.PAGESERVER, index, port));
    }

    /** Neon's S3 remote storage table, shared by pageserver.toml and the safekeeper's --remote-storage. */
    static Map<String, Object> remoteStorage(RemoteStorageSpec rs) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("bucket_name", rs.bucket());
        table.put("bucket_region", rs.region());
        rs.prefix().ifPresent(p -> table.put("prefix_in_bucket", p));
        rs.endpoint().ifPresent(e -> table.put("endpoint", e));
        return table;
    }
}

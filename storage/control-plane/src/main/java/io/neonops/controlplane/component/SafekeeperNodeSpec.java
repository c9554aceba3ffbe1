package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.process.PidFileMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A safekeeper: configured entirely on its command line, in the generation its cluster's broker chooses. A modern
 * one publishes through the storage broker the address it is reached at, which is not the one it listens on.
 */
public final class SafekeeperNodeSpec {

    static final String PID_FILE = "safekeeper.pid";

    private SafekeeperNodeSpec() {
    }

    /**
     * The zone of safekeeper {@code index}, one of its own: the storage controller places a new timeline on safekeepers
     * in distinct zones, so they cannot share the pageservers'. The same value goes on its command line and into its
     * registration with the storage controller, by the operator and local mode alike.
     */
    public static String availabilityZone(ClusterSpec cluster, int index) {
        return cluster.pageserver().availabilityZone() + "-sk-" + (index + 1);
    }

    static ComponentSpec build(ClusterSpec cluster, Environment env, int index) {
        Component sk = Component.SAFEKEEPER;
        String listen = env.listenHost();
        Path dataDir = env.dataDir(sk, index);
        int pgPort = env.port(sk, index, NodePort.SAFEKEEPER_PG);
        List<String> args = new ArrayList<>(List.of(
                "-D", dataDir.toString(),
                "--id", Integer.toString(index + 1),
                "--listen-pg", ComponentSpecs.address(listen, pgPort),
                "--listen-http", ComponentSpecs.address(listen, env.port(sk, index, NodePort.SAFEKEEPER_HTTP))));
        boolean modern = cluster.storageBroker().isPresent();
        if (modern) {
            args.addAll(List.of(
                    "--advertise-pg", ComponentSpecs.address(env.advertisedHost(sk, index), pgPort),
                    "--availability-zone", availabilityZone(cluster, index),
                    "--broker-endpoint", StorageBrokerNodeSpec.endpoint(env)));
        } else {
            args.addAll(List.of("--broker-endpoints", String.join(",", ComponentSpecs.brokerEndpoints(cluster, env))));
        }
        cluster.remoteStorage().ifPresent(rs -> {
            args.add("--remote-storage");
            args.add(TomlWriter.value(PageserverNodeSpec.remoteStorage(rs)));
        });
        if (cluster.auth().enabled()) {
            String key = env.authPublicKeyPath().toString();
            // the 2022 flag was split into one per API
            args.addAll(modern
                    ? List.of("--pg-auth-public-key-path", key, "--http-auth-public-key-path", key)
                    : List.of("--auth-validation-public-key-path", key));
        }
        return new ComponentSpec(sk, index, ComponentSpecs.memberName(cluster, sk, index), env.binary(sk), args,
                Map.of(), Set.of(), ComponentSpecs.ports(env, sk, index), Map.of(), HttpProbe.SAFEKEEPER_STATUS, dataDir,
                dataDir.resolve(PID_FILE), PidFileMode.EXPECT);
    }
}

package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.process.PidFileMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A safekeeper: configured entirely on its command line. */
final class SafekeeperNodeSpec {

    static final String PID_FILE = "safekeeper.pid";

    private SafekeeperNodeSpec() {
    }

    static ComponentSpec build(ClusterSpec cluster, Environment env, int index) {
        Component sk = Component.SAFEKEEPER;
        String listen = env.listenHost();
        Path dataDir = env.dataDir(sk, index);
        List<String> args = new ArrayList<>(List.of(
                "-D", dataDir.toString(),
                "--id", Integer.toString(index + 1),
                "--listen-pg", ComponentSpecs.address(listen, env.port(sk, index, NodePort.SAFEKEEPER_PG)),
                "--listen-http", ComponentSpecs.address(listen, env.port(sk, index, NodePort.SAFEKEEPER_HTTP)),
                "--broker-endpoints", String.join(",", ComponentSpecs.brokerEndpoints(cluster, env))));
        cluster.remoteStorage().ifPresent(rs -> {
            args.add("--remote-storage");
            args.add(TomlWriter.value(PageserverNodeSpec.remoteStorage(rs)));
        });
        if (cluster.auth().enabled()) {
            args.add("--auth-validation-public-key-path");
            args.add(env.authPublicKeyPath().toString());
        }
        return new ComponentSpec(sk, index, ComponentSpecs.memberName(cluster, sk, index), env.binary(sk), args,
                Map.of(), ComponentSpecs.ports(env, sk, index), HttpProbe.SAFEKEEPER_STATUS, dataDir,
                dataDir.resolve(PID_FILE), PidFileMode.EXPECT);
    }
}

package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.process.PidFileMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A storage broker: only a listen address, since release 7787 without a default. */
final class StorageBrokerNodeSpec {

    static final String PID_FILE = "storage_broker.pid";

    private StorageBrokerNodeSpec() {
    }

    static ComponentSpec build(ClusterSpec cluster, Environment env, int index) {
        Component broker = Component.STORAGE_BROKER;
        Path dataDir = env.dataDir(broker, index);
        List<String> args = List.of("--listen-addr",
                ComponentSpecs.address(env.listenHost(), env.port(broker, index, NodePort.STORAGE_BROKER)));
        // the broker writes no pid file: the launcher claims one and hands it over, as for etcd
        return new ComponentSpec(broker, index, ComponentSpecs.memberName(cluster, broker, index), env.binary(broker),
                args, Map.of(), Set.of(), ComponentSpecs.ports(env, broker, index), Map.of(),
                HttpProbe.STORAGE_BROKER_STATUS, dataDir, dataDir.resolve(PID_FILE), PidFileMode.CREATE);
    }

    /** Where pageservers and safekeepers reach the broker: its Service, plain gRPC. */
    static String endpoint(Environment env) {
        return ComponentSpecs.serviceUrl(env, Component.STORAGE_BROKER, NodePort.STORAGE_BROKER);
    }
}

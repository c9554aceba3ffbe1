package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.process.PidFileMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An etcd member's command line: a static bootstrap of all members, so no discovery service is needed. */
final class EtcdNodeSpec {

    private EtcdNodeSpec() {
    }

    static ComponentSpec build(ClusterSpec cluster, Environment env, int index) {
        Component etcd = Component.ETCD;
        String listen = env.listenHost();
        String advertised = env.advertisedHost(etcd, index);
        int client = env.port(etcd, index, NodePort.ETCD_CLIENT);
        int peer = env.port(etcd, index, NodePort.ETCD_PEER);
        Path dataDir = env.dataDir(etcd, index);

        List<String> initialCluster = new ArrayList<>();
        for (int i = 0; i < cluster.etcd().replicas(); i++) {
            initialCluster.add(ComponentSpecs.memberName(cluster, etcd, i) + "="
                    + ComponentSpecs.url(env.advertisedHost(etcd, i), env.port(etcd, i, NodePort.ETCD_PEER)));
        }
        List<String> args = List.of(
                "--name", ComponentSpecs.memberName(cluster, etcd, index),
                "--data-dir", dataDir.toString(),
                "--listen-client-urls", ComponentSpecs.url(listen, client),
                "--advertise-client-urls", ComponentSpecs.url(advertised, client),
                "--listen-peer-urls", ComponentSpecs.url(listen, peer),
                "--initial-advertise-peer-urls", ComponentSpecs.url(advertised, peer),
                "--initial-cluster", String.join(",", initialCluster),
                "--initial-cluster-state", "new",
                "--initial-cluster-token", cluster.namespace() + "-" + cluster.name());
        // etcd knows no pid files: the launcher claims one beside the data directory and hands it over
        Path pidFile = dataDir.resolveSibling(dataDir.getFileName() + ".pid");
        return new ComponentSpec(etcd, index, ComponentSpecs.memberName(cluster, etcd, index), env.binary(etcd),
                args, Map.of(), ComponentSpecs.ports(env, etcd, index), HttpProbe.ETCD_HEALTH, dataDir, pidFile,
                PidFileMode.CREATE);
    }
}

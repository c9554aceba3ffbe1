package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.process.PidFileMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An etcd member's command line: a static list of peers, so no discovery service is needed. Which peers, and
 * whether the member starts a new cluster or joins a running one, comes from the {@link EtcdMembership}.
 */
final class EtcdNodeSpec {

    private EtcdNodeSpec() {
    }

    static ComponentSpec build(ClusterSpec cluster, Environment env, EtcdMembership membership, int index) {
        Component etcd = Component.ETCD;
        String listen = env.listenHost();
        String advertised = env.advertisedHost(etcd, index);
        int client = env.port(etcd, index, NodePort.ETCD_CLIENT);
        int peer = env.port(etcd, index, NodePort.ETCD_PEER);
        Path dataDir = env.dataDir(etcd, index);

        List<String> initialCluster = new ArrayList<>();
        for (int i = 0; i < membership.initialClusterSize(index); i++) {
            initialCluster.add(ComponentSpecs.memberName(cluster, etcd, i) + "=" + ComponentSpecs.etcdPeerUrl(env, i));
        }
        List<String> args = List.of(
                "--name", ComponentSpecs.memberName(cluster, etcd, index),
                "--data-dir", dataDir.toString(),
                "--listen-client-urls", ComponentSpecs.url(listen, client),
                "--advertise-client-urls", ComponentSpecs.url(advertised, client),
                "--listen-peer-urls", ComponentSpecs.url(listen, peer),
                "--initial-advertise-peer-urls", ComponentSpecs.etcdPeerUrl(env, index),
                "--initial-cluster", String.join(",", initialCluster),
                "--initial-cluster-state", membership.initialClusterState(index),
                "--initial-cluster-token", cluster.namespace() + "-" + cluster.name());
        // etcd knows no pid files: the launcher claims one beside the data directory and hands it over
        Path pidFile = dataDir.resolveSibling(dataDir.getFileName() + ".pid");
        return new ComponentSpec(etcd, index, ComponentSpecs.memberName(cluster, etcd, index), env.binary(etcd),
                args, Map.of(), Set.of(), ComponentSpecs.ports(env, etcd, index), Map.of(), HttpProbe.ETCD_HEALTH, dataDir, pidFile,
                PidFileMode.CREATE);
    }
}

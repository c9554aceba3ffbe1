package io.neonops.operator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.neonops.operator.cluster.NeonCluster;

/** NeonClusters written as a user writes them, created through the API. */
public final class ClusterFixtures {

    /** A cluster with every default: one etcd member, one pageserver, three safekeepers. */
    public static final String DEMO = demo("postgres: {versions: [14, 15], defaultVersion: 15}");

    private ClusterFixtures() {
    }

    /** Cluster {@code demo} on image {@code neondatabase/neon:4270} with these lines added to its spec. */
    public static String demo(String... specLines) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: neonops.io/v1alpha1
                kind: NeonCluster
                metadata:
                  name: demo
                spec:
                  image: neondatabase/neon:4270
                """);
        for (String line : specLines) {
            yaml.append("  ").append(line).append('\n');
        }
        return yaml.toString();
    }

    public static NeonCluster create(KubernetesClient client, String namespace, String manifestYaml) {
        NeonCluster cluster = client.getKubernetesSerialization().unmarshal(manifestYaml, NeonCluster.class);
        cluster.getMetadata().setNamespace(namespace);
        return client.resource(cluster).create();
    }
}

package io.neonops.operator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.neonops.operator.cluster.NeonCluster;

/** NeonClusters written as a user writes them, created through the API. */
public final class ClusterFixtures {

    /** A cluster with every default: one etcd member, one pageserver, three safekeepers. */
    public static final String DEMO = """
            apiVersion: neonops.io/v1alpha1
            kind: NeonCluster
            metadata:
              name: demo
            spec:
              image: neondatabase/neon:4270
              postgres: {versions: [16, 17], defaultVersion: 17}
            """;

    private ClusterFixtures() {
    }

    public static NeonCluster create(KubernetesClient client, String namespace, String manifestYaml) {
        NeonCluster cluster = client.getKubernetesSerialization().unmarshal(manifestYaml, NeonCluster.class);
        cluster.getMetadata().setNamespace(namespace);
        return client.resource(cluster).create();
    }
}

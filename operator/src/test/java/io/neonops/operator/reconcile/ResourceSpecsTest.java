package io.neonops.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.neonops.controlplane.cluster.ClusterManifest;
import io.neonops.controlplane.cluster.InvalidClusterSpecException;
import io.neonops.operator.cluster.NeonCluster;
import org.junit.jupiter.api.Test;

class ResourceSpecsTest {

    /** Every field of the spec set, in the forms a user writes (quantities as numbers and strings). */
    private static final String EVERY_FIELD = """
            apiVersion: neonops.io/v1alpha1
            kind: NeonCluster
            metadata: {name: full, namespace: storage}
            spec:
              image: neondatabase/neon:2350
              imagePullPolicy: Always
              postgres: {versions: [14, 15], defaultVersion: 15}
              etcd:
                replicas: 3
                image: quay.io/coreos/etcd:v3.5.17
                storage: {size: 2Gi, storageClassName: fast}
                resources: {requests: {cpu: 1, memory: 256Mi}, limits: {memory: 512Mi}}
              pageserver:
                replicas: 2
                storage: {size: 20Gi}
                resources: {requests: {cpu: 500m}}
                config: {checkpoint_distance: 268435456, gc_period: "1 hr", tenant_config: {pitr_interval: 7 days}}
              safekeepers: {replicas: 5, storage: {size: 30Gi}}
              remoteStorage: {bucket: b, region: eu-central-1, endpoint: "http://minio:9000", prefix: p, credentialsSecret: s3}
              auth: {enabled: true, publicKeySecret: neon-auth}
              deletionPolicy: Delete
              upgrade: {podReadyTimeoutSeconds: 120}
              local: {etcdClientPort: 12379}
            """;

    private static NeonCluster resource(String yaml) {
        return new KubernetesSerialization().unmarshal(yaml, NeonCluster.class);
    }

    @Test
    void resourceResolvesToTheSameSpecAsTheManifestFileRenderReads() throws Exception {
        assertThat(ResourceSpecs.of(resource(EVERY_FIELD))).isEqualTo(ClusterManifest.parse(EVERY_FIELD, "full.yaml").spec());
    }

    @Test
    void absentFieldsGetTheParsersDefaults() throws Exception {
        String minimal = "apiVersion: neonops.io/v1alpha1\nkind: NeonCluster\nmetadata: {name: m, namespace: ns}\n"
                + "spec: {image: neon:1}\n";

        assertThat(ResourceSpecs.of(resource(minimal))).isEqualTo(ClusterManifest.parse(minimal, "m.yaml").spec());
        assertThat(ResourceSpecs.of(resource(minimal)).safekeepers().replicas()).isEqualTo(3);
    }

    @Test
    void resourceWithoutSpecIsRefusedNamingTheSpec() {
        NeonCluster cluster = resource("apiVersion: neonops.io/v1alpha1\nkind: NeonCluster\nmetadata: {name: m, namespace: ns}\n");

        assertThatThrownBy(() -> ResourceSpecs.of(cluster)).isInstanceOf(InvalidClusterSpecException.class)
                .hasMessageStartingWith("spec: is required");
    }
}

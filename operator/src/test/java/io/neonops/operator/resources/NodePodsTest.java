package io.neonops.operator.resources;

import static io.neonops.operator.testing.SpecFixtures.OWNER;
import static io.neonops.operator.testing.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.ComponentSpec;
import io.neonops.controlplane.component.ComponentSpecs;
import io.neonops.operator.upgrade.SpecSummaryAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodePodsTest {

    private static Pod pod(ClusterSpec cluster, Component component, int index) {
        KubernetesEnvironment env = new KubernetesEnvironment(cluster, KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN);
        return NodePods.build(cluster, ComponentSpecs.node(cluster, env, component, index), env, OWNER);
    }

    private static ComponentSpec node(ClusterSpec cluster, Component component, int index) {
        return ComponentSpecs.node(cluster, new KubernetesEnvironment(cluster, KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN),
                component, index);
    }

    private static Container main(Pod pod) {
        return pod.getSpec().getContainers().get(0);
    }

    @Test
    void podIsNamedAfterClusterComponentAndIndexWithTheRecommendedLabels() {
        Pod pod = pod(spec(""), Component.SAFEKEEPER, 2);

        assertThat(pod.getMetadata().getName()).isEqualTo("demo-safekeeper-2");
        assertThat(pod.getMetadata().getNamespace()).isEqualTo("ns");
        assertThat(pod.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "app.kubernetes.io/name", "neon",
                "app.kubernetes.io/instance", "demo",
                "app.kubernetes.io/component", "safekeeper",
                "app.kubernetes.io/managed-by", "neon-operator",
                "neonops.io/node-id", "3"));
        assertThat(pod.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
            assertThat(ref.getKind()).isEqualTo("NeonCluster");
            assertThat(ref.getName()).isEqualTo("demo");
            assertThat(ref.getUid()).isEqualTo("uid-1");
            assertThat(ref.getController()).isTrue();
        });
    }

    @Test
    void podHasAStableDnsNameUnderItsHeadlessService() {
        Pod pod = pod(spec(""), Component.ETCD, 0);

        assertThat(pod.getSpec().getHostname()).isEqualTo("demo-etcd-0");
        assertThat(pod.getSpec().getSubdomain()).isEqualTo("demo-etcd");
    }

    @Test
    void containerRunsTheComponentSpecsCommandAndArguments() {
        ClusterSpec cluster = spec("safekeepers: {replicas: 3}");
        ComponentSpec node = node(cluster, Component.SAFEKEEPER, 1);

        Container container = main(pod(cluster, Component.SAFEKEEPER, 1));

        assertThat(container.getCommand()).containsExactly("safekeeper");
        assertThat(container.getArgs()).containsExactlyElementsOf(node.args());
        assertThat(container.getArgs()).contains("--id", "2", "--broker-endpoints",
                "http://demo-etcd-0.demo-etcd.ns.svc.cluster.local:2379");
        assertThat(container.getImage()).isEqualTo("neon:1");
        assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
    }

    @Test
    void etcdRunsItsOwnImage() {
        Container container = main(pod(spec("etcd: {image: etcd:test}"), Component.ETCD, 0));

        assertThat(container.getImage()).isEqualTo("etcd:test");
        assertThat(container.getCommand()).containsExactly("etcd");
    }

    @Test
    void portsAndReadinessProbeComeFromTheComponentSpec() {
        Container container = main(pod(spec(""), Component.PAGESERVER, 0));

        assertThat(container.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactly("pg:6400", "http:9898");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/v1/status");
        assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @Test
    void etcdIsReadyWhenItsHealthEndpointAnswersOnTheClientPort() {
        Container container = main(pod(spec(""), Component.ETCD, 0));

        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("client");
    }

    @Test
    void everyPodRunsNonRootWithoutCapabilitiesOrPrivilegeEscalation() {
        Pod pod = pod(spec(""), Component.PAGESERVER, 0);

        assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(pod.getSpec().getSecurityContext().getFsGroup()).isEqualTo(1000L);
        assertThat(pod.getSpec().getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        List<Container> containers = new ArrayList<>(pod.getSpec().getContainers());
        containers.addAll(pod.getSpec().getInitContainers());
        assertThat(containers).isNotEmpty().allSatisfy(c -> {
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(c.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        });
    }

    @Test
    void quorumMembersPreferDifferentNodesAndPageserversDoNotCare() {
        ClusterSpec cluster = spec("");

        for (Component quorum : List.of(Component.ETCD, Component.SAFEKEEPER)) {
            var preferred = pod(cluster, quorum, 0).getSpec().getAffinity().getPodAntiAffinity()
                    .getPreferredDuringSchedulingIgnoredDuringExecution();
            assertThat(preferred).singleElement().satisfies(term -> {
                assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                assertThat(term.getPodAffinityTerm().getLabelSelector().getMatchLabels())
                        .containsEntry("app.kubernetes.io/component", quorum.id())
                        .containsEntry("app.kubernetes.io/instance", "demo");
            });
        }
        assertThat(pod(cluster, Component.PAGESERVER, 0).getSpec().getAffinity()).isNull();
    }

    @Test
    void dataDirectoryLivesOnTheNodesOwnVolume() {
        Pod pod = pod(spec(""), Component.SAFEKEEPER, 1);

        assertThat(pod.getSpec().getVolumes()).filteredOn(v -> v.getName().equals(NodePods.DATA_VOLUME)).singleElement()
                .satisfies(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("demo-safekeeper-1-data"));
        assertThat(main(pod).getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo(NodePods.DATA_VOLUME);
            assertThat(m.getMountPath()).isEqualTo("/data");
        });
    }

    @Test
    void pageserverCopiesItsConfigFileIntoTheDataDirectoryBeforeStarting() {
        Pod pod = pod(spec(""), Component.PAGESERVER, 0);

        assertThat(pod.getSpec().getInitContainers()).singleElement().satisfies(init -> {
            assertThat(init.getCommand()).containsExactly("cp", "/etc/neon/config/pageserver.toml", "/data/");
            assertThat(init.getVolumeMounts()).extracting(m -> m.getName() + "=" + m.getMountPath())
                    .containsExactlyInAnyOrder("data=/data", "config=/etc/neon/config");
        });
        assertThat(pod.getSpec().getVolumes()).filteredOn(v -> v.getName().equals(NodePods.CONFIG_VOLUME)).singleElement()
                .satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo("demo-pageserver"));
    }

    @Test
    void nodesWithoutConfigFilesHaveNoInitContainer() {
        assertThat(pod(spec(""), Component.SAFEKEEPER, 0).getSpec().getInitContainers()).isEmpty();
        assertThat(pod(spec(""), Component.ETCD, 0).getSpec().getInitContainers()).isEmpty();
    }

    @Test
    void resourcesComeFromTheComponentsSection() {
        Container container = main(pod(spec("pageserver: {resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {memory: 2Gi}}}"),
                Component.PAGESERVER, 0));

        assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("500m"))
                .containsEntry("memory", new Quantity("1Gi"));
        assertThat(container.getResources().getLimits()).containsOnly(Map.entry("memory", new Quantity("2Gi")));
    }

    @Test
    void s3CredentialsComeFromTheNamedSecretForPageserversAndSafekeepersOnly() {
        ClusterSpec cluster = spec("remoteStorage: {bucket: b, region: r, credentialsSecret: s3-creds}");

        for (Component component : List.of(Component.PAGESERVER, Component.SAFEKEEPER)) {
            assertThat(main(pod(cluster, component, 0)).getEnv()).extracting(EnvVar::getName)
                    .containsExactly("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
            assertThat(main(pod(cluster, component, 0)).getEnv()).allSatisfy(e -> {
                assertThat(e.getValue()).isNull();
                assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("s3-creds");
                assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(e.getName());
            });
        }
        assertThat(main(pod(cluster, Component.ETCD, 0)).getEnv()).isEmpty();
    }

    @Test
    void authPublicKeyIsMountedFromItsSecretWhereTheDaemonsReadIt() {
        ClusterSpec cluster = spec("auth: {enabled: true, publicKeySecret: neon-auth}");
        Pod safekeeper = pod(cluster, Component.SAFEKEEPER, 0);

        Volume auth = safekeeper.getSpec().getVolumes().stream().filter(v -> v.getName().equals(NodePods.AUTH_VOLUME))
                .findFirst().orElseThrow();
        assertThat(auth.getSecret().getSecretName()).isEqualTo("neon-auth");
        assertThat(auth.getSecret().getItems()).singleElement().satisfies(i -> assertThat(i.getKey()).isEqualTo("public-key.pem"));
        assertThat(main(safekeeper).getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo(NodePods.AUTH_VOLUME);
            assertThat(m.getMountPath()).isEqualTo("/etc/neon/auth");
        });
        assertThat(main(safekeeper).getArgs()).contains("/etc/neon/auth/public-key.pem");
        assertThat(pod(cluster, Component.ETCD, 0).getSpec().getVolumes()).extracting(Volume::getName)
                .doesNotContain(NodePods.AUTH_VOLUME);
    }

    @Test
    void podRecordsTheImageAndPostgresVersionsItWasBuiltFrom() {
        Pod pod = pod(spec("postgres: {versions: [15, 14]}"), Component.SAFEKEEPER, 0);

        assertThat(pod.getMetadata().getAnnotations()).containsEntry(SpecSummaryAnnotations.IMAGE, "neon:1")
                .containsEntry(SpecSummaryAnnotations.PG_VERSIONS, "14,15");
    }

    @Test
    void podCarriesTheHashOfItsSpec() {
        ClusterSpec cluster = spec("");
        Pod pod = pod(cluster, Component.PAGESERVER, 0);

        assertThat(pod.getMetadata().getAnnotations()).containsEntry(SpecHash.ANNOTATION,
                SpecHash.of(pod.getSpec(), node(cluster, Component.PAGESERVER, 0).configFiles(),
                        cluster.postgres().versions()));
    }
}

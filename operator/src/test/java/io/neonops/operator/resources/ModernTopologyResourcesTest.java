package io.neonops.operator.resources;

import static io.neonops.operator.testing.SpecFixtures.MODERN;
import static io.neonops.operator.testing.SpecFixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.neonops.controlplane.component.Component;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModernTopologyResourcesTest {

    private static final String NS = "ns.svc.cluster.local";

    private static Pod pod(ClusterResources resources, String name) {
        return resources.pods().stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static Container container(ClusterResources resources, String name) {
        return pod(resources, name).getSpec().getContainers().get(0);
    }

    private static Map<String, EnvVar> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
    }

    private static String secretRef(EnvVar var) {
        return var.getValueFrom().getSecretKeyRef().getName() + "/" + var.getValueFrom().getSecretKeyRef().getKey();
    }

    private static List<String> names(List<? extends HasMetadata> objects) {
        return objects.stream().map(o -> o.getMetadata().getName()).toList();
    }

    @Test
    void aModernClusterHasTheControllersDatabaseTheControllerTheBrokerSafekeepersAndPageserversAndNoEtcd() {
        ClusterResources resources = resources(MODERN);

        assertThat(names(resources.pods())).containsExactly("demo-storage-controller-db-0",
                "demo-storage-controller-0", "demo-storage-broker-0", "demo-safekeeper-0", "demo-safekeeper-1",
                "demo-safekeeper-2", "demo-pageserver-0");
        assertThat(names(resources.services())).containsExactly("demo-storage-controller-db",
                "demo-storage-controller", "demo-storage-broker", "demo-safekeeper", "demo-pageserver");
        assertThat(names(resources.volumeClaims())).containsExactly("demo-storage-controller-db-0-data",
                "demo-safekeeper-0-data", "demo-safekeeper-1-data", "demo-safekeeper-2-data", "demo-pageserver-0-data");
        assertThat(names(resources.disruptionBudgets())).containsExactly("demo-safekeeper");
        assertThat(names(resources.configMaps())).containsExactly("demo-pageserver");
    }

    @Test
    void theBrokerListensOnAllAddressesIsProbedOnStatusAndHasNoVolume() {
        Container broker = container(resources(MODERN), "demo-storage-broker-0");

        assertThat(broker.getImage()).isEqualTo("neon:1");
        assertThat(broker.getCommand()).containsExactly("storage_broker");
        assertThat(broker.getArgs()).containsExactly("--listen-addr", "0.0.0.0:50051");
        assertThat(broker.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/status");
        assertThat(broker.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("broker");
        assertThat(broker.getVolumeMounts()).isEmpty();
        assertThat(pod(resources(MODERN), "demo-storage-broker-0").getSpec().getVolumes()).isEmpty();
    }

    @Test
    void theControllerRunsInDevModeWithoutAuthReadsItsDatabaseUrlFromTheGeneratedSecretAndCallsTheOperatorsHook() {
        Container storcon = container(resources(MODERN), "demo-storage-controller-0");

        assertThat(storcon.getCommand()).containsExactly("storage_controller");
        assertThat(storcon.getArgs()).containsExactly(
                "-l", "0.0.0.0:1234",
                "--address-for-peers", "http://demo-storage-controller-0.demo-storage-controller." + NS + ":1234",
                "--timeline-safekeeper-count", "3",
                "--dev",
                "--control-plane-url",
                "http://neon-operator-metrics.neon-operator.svc:8080/storcon-hooks/ns/demo");
        assertThat(env(storcon)).containsOnlyKeys("DATABASE_URL");
        assertThat(secretRef(env(storcon).get("DATABASE_URL"))).isEqualTo("demo-storage-controller-db/DATABASE_URL");
        assertThat(storcon.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
        assertThat(storcon.getVolumeMounts()).isEmpty();
    }

    @Test
    void anExternalDatabaseIsReadFromTheUsersSecretAndGetsNoPod() {
        ClusterResources resources = resources(MODERN.replace("storageController: {}",
                "storageController: {database: {external: {secretName: cnpg-app, key: uri}}}"));

        assertThat(secretRef(env(container(resources, "demo-storage-controller-0")).get("DATABASE_URL")))
                .isEqualTo("cnpg-app/uri");
        assertThat(resources.pods(Component.STORAGE_CONTROLLER_DB)).isEmpty();
        assertThat(names(resources.volumeClaims())).doesNotContain("demo-storage-controller-db-0-data");
    }

    @Test
    void withAuthTheControllerIsStrictAndReadsItsKeyAndTokensFromSecrets() {
        Container storcon = container(resources(MODERN + """
                auth: {enabled: true, publicKeySecret: keys, storageControllerSecret: storcon-tokens}
                """), "demo-storage-controller-0");

        assertThat(storcon.getArgs()).doesNotContain("--dev");
        assertThat(env(storcon).values().stream().map(v -> v.getName() + "=" + secretRef(v)).toList())
                .containsExactlyInAnyOrder(
                        "DATABASE_URL=demo-storage-controller-db/DATABASE_URL",
                        "PUBLIC_KEY=keys/public-key.pem",
                        "PAGESERVER_JWT_TOKEN=storcon-tokens/PAGESERVER_JWT_TOKEN",
                        "SAFEKEEPER_JWT_TOKEN=storcon-tokens/SAFEKEEPER_JWT_TOKEN",
                        "CONTROL_PLANE_JWT_TOKEN=storcon-tokens/CONTROL_PLANE_JWT_TOKEN");
    }

    @Test
    void theDatabaseRunsTheOfficialImageAsItsPostgresUserWithItsDataInASubdirectoryAndIsProbedWithPgIsready() {
        ClusterResources resources = resources(MODERN);
        Pod pod = pod(resources, "demo-storage-controller-db-0");
        Container db = pod.getSpec().getContainers().get(0);

        assertThat(db.getImage()).isEqualTo("postgres:16");
        assertThat(db.getCommand()).containsExactly("docker-entrypoint.sh");
        assertThat(db.getArgs()).containsExactly("postgres", "-c", "listen_addresses=0.0.0.0", "-p", "5432");
        assertThat(db.getEnv().stream().map(v -> v.getName() + "=" + (v.getValue() != null ? v.getValue() : secretRef(v))))
                .containsExactly("PGDATA=/data/pgdata", "POSTGRES_DB=storage_controller",
                        "POSTGRES_PASSWORD=demo-storage-controller-db/password", "POSTGRES_USER=storage_controller");
        assertThat(db.getReadinessProbe().getExec().getCommand())
                .containsExactly("pg_isready", "-U", "storage_controller", "-d", "storage_controller", "-p", "5432");
        assertThat(db.getReadinessProbe().getHttpGet()).isNull();
        assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).isEqualTo(999L);
        assertThat(pod.getSpec().getSecurityContext().getFsGroup()).isEqualTo(999L);
        assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSpec().getVolumes()).extracting(v -> v.getPersistentVolumeClaim().getClaimName())
                .containsExactly("demo-storage-controller-db-0-data");
        assertThat(resources.volumeClaims().get(0).getSpec().getResources().getRequests().get("storage").toString())
                .isEqualTo("1Gi");
    }

    @Test
    void theDatabaseVolumeFollowsTheDeletionPolicy() {
        assertThat(resources(MODERN).volumeClaims().get(0).getMetadata().getOwnerReferences()).isEmpty();
        assertThat(resources(MODERN + "deletionPolicy: Delete\n").volumeClaims().get(0).getMetadata()
                .getOwnerReferences()).hasSize(1);
    }

    @Test
    void aModernPageserverRunsOnlyWithItsWorkdirAndGetsItsThreeFilesFromTheConfigMap() {
        ClusterResources resources = resources(MODERN);
        Pod pod = pod(resources, "demo-pageserver-0");

        assertThat(pod.getSpec().getContainers().get(0).getArgs()).containsExactly("-D", "/data");
        assertThat(pod.getSpec().getInitContainers().get(0).getCommand()).containsExactly("cp",
                "/etc/neon/config/identity.toml", "/etc/neon/config/metadata.json", "/etc/neon/config/pageserver.toml",
                "/data/");
        Volume config = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals("config")).findFirst()
                .orElseThrow();
        assertThat(config.getConfigMap().getItems()).extracting(KeyToPath::getKey, KeyToPath::getPath)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("demo-pageserver-0.identity.toml", "identity.toml"),
                        org.assertj.core.groups.Tuple.tuple("demo-pageserver-0.metadata.json", "metadata.json"),
                        org.assertj.core.groups.Tuple.tuple("pageserver.toml", "pageserver.toml"));
    }

    @Test
    void theConfigMapHoldsTheSharedTomlAndEachPageserversIdentityAndMetadata() {
        ConfigMap config = resources(MODERN.replace("remoteStorage:", "pageserver: {replicas: 2, availabilityZone: az-a}\nremoteStorage:"))
                .configMaps().get(0);

        assertThat(config.getData()).containsOnlyKeys("pageserver.toml", "demo-pageserver-0.identity.toml",
                "demo-pageserver-0.metadata.json", "demo-pageserver-1.identity.toml", "demo-pageserver-1.metadata.json");
        assertThat(config.getData().get("demo-pageserver-1.identity.toml")).isEqualTo("id=2\n");
        assertThat(config.getData().get("demo-pageserver-1.metadata.json")).isEqualTo(
                "{\"host\":\"demo-pageserver-1.demo-pageserver." + NS + "\",\"port\":6400,"
                        + "\"http_host\":\"demo-pageserver-1.demo-pageserver." + NS + "\",\"http_port\":9898,"
                        + "\"availability_zone_id\":\"az-a\"}\n");
        assertThat(config.getData().get("pageserver.toml")).isEqualTo("""
                # Generated by neon-operator for NeonCluster ns/demo; changes here are overwritten.
                control_plane_api = "http://demo-storage-controller.%1$s:1234/upcall/v1/"
                broker_endpoint = "http://demo-storage-broker.%1$s:50051"
                listen_pg_addr = "0.0.0.0:6400"
                listen_http_addr = "0.0.0.0:9898"
                pg_distrib_dir = "/usr/local"
                availability_zone = "az-a"
                http_auth_type = "Trust"
                pg_auth_type = "Trust"
                remote_storage = {bucket_name = "neon", bucket_region = "eu-north-1", endpoint = "http://minio:9000"}
                """.formatted(NS));
    }

    @Test
    void withAuthModernPageserversCheckJwtsOnBothApis() {
        String toml = resources(MODERN + """
                auth: {enabled: true, publicKeySecret: keys, storageControllerSecret: storcon-tokens}
                """).configMaps().get(0).getData().get("pageserver.toml");

        assertThat(toml).contains("http_auth_type = \"NeonJWT\"\npg_auth_type = \"NeonJWT\"\n"
                + "auth_validation_public_key_path = \"/etc/neon/auth/public-key.pem\"\n");
    }

    @Test
    void withAuthAModernPageserverAddsItsUpcallTokenToItsTomlFromTheSecretAndTheConfigMapNeverHoldsIt() {
        ClusterResources resources = resources(MODERN + """
                auth: {enabled: true, publicKeySecret: keys, storageControllerSecret: storcon-tokens}
                """);
        Container copier = pod(resources, "demo-pageserver-0").getSpec().getInitContainers().get(0);

        assertThat(copier.getCommand()).containsExactly("sh", "-c", "cp /etc/neon/config/identity.toml"
                + " /etc/neon/config/metadata.json /etc/neon/config/pageserver.toml /data/"
                + " && printf \"%s = '%s'\\n\" control_plane_api_token \"$(printf %s \"$SECRET_0\")\" >> /data/pageserver.toml");
        assertThat(copier.getEnv()).hasSize(1);
        assertThat(copier.getEnv().get(0).getName()).isEqualTo("SECRET_0");
        assertThat(secretRef(copier.getEnv().get(0))).isEqualTo("storcon-tokens/GENERATIONS_API_JWT_TOKEN");
        assertThat(resources.configMaps().get(0).getData().values()).noneMatch(v -> v.contains("control_plane_api_token"));
    }

    @Test
    void withAuthAModernPageserverReadsTheSafekeepersTokenForItsWalStreamsFromTheSecret() {
        Container pageserver = container(resources(MODERN + """
                auth: {enabled: true, publicKeySecret: keys, storageControllerSecret: storcon-tokens}
                """), "demo-pageserver-0");

        assertThat(env(pageserver).values().stream().map(v -> v.getName() + "=" + secretRef(v)).toList())
                .containsExactly("NEON_AUTH_TOKEN=storcon-tokens/SAFEKEEPER_JWT_TOKEN");
    }

    @Test
    void withoutAuthThePageserverOnlyCopiesItsFiles() {
        Container copier = pod(resources(MODERN), "demo-pageserver-0").getSpec().getInitContainers().get(0);

        assertThat(copier.getCommand()).first().isEqualTo("cp");
        assertThat(copier.getEnv()).isEmpty();
    }

    @Test
    void theStorageControllerResolvesAModernPageserverBeforeItIsReady() {
        Service pageservers = resources(MODERN).services().stream()
                .filter(s -> s.getMetadata().getName().equals("demo-pageserver")).findFirst().orElseThrow();
        Service legacy = resources("").services().stream()
                .filter(s -> s.getMetadata().getName().equals("demo-pageserver")).findFirst().orElseThrow();

        assertThat(pageservers.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(legacy.getSpec().getPublishNotReadyAddresses()).isNull();
    }

    @Test
    void aModernSafekeeperAdvertisesItsPodNameAndUsesTheStorageBroker() {
        Container sk = container(resources(MODERN), "demo-safekeeper-1");

        assertThat(sk.getArgs()).containsExactly(
                "-D", "/data",
                "--id", "2",
                "--listen-pg", "0.0.0.0:5454",
                "--listen-http", "0.0.0.0:7676",
                "--advertise-pg", "demo-safekeeper-1.demo-safekeeper." + NS + ":5454",
                "--availability-zone", "zone-1-sk-2",
                "--broker-endpoint", "http://demo-storage-broker." + NS + ":50051",
                "--remote-storage", "{bucket_name = \"neon\", bucket_region = \"eu-north-1\", endpoint = \"http://minio:9000\"}");
    }

    @Test
    void theDatabaseServesNoMetricsSoThePodMonitorScrapesTheOthers() {
        assertThat(PodMonitors.build(resources(MODERN).cluster(), io.neonops.operator.testing.SpecFixtures.OWNER)
                .getSpec().getPodMetricsEndpoints())
                .extracting(e -> e.getRelabelings().get(0).getRegex() + ":" + e.getPort())
                .containsExactly("storage-controller:http", "storage-broker:broker", "safekeeper:http", "pageserver:http");
    }
}

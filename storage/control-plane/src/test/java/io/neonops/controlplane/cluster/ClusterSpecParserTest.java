package io.neonops.controlplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.neonops.storage.common.PgMajorVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterSpecParserTest {

    static JsonNode spec(String yaml) {
        return TestClusters.specNode(yaml);
    }

    static ClusterSpec parse(String yaml) throws InvalidClusterSpecException {
        return ClusterSpecParser.parse("demo", "ns", spec(yaml));
    }

    static List<FieldError> errorsOf(String yaml) {
        try {
            parse(yaml);
        } catch (InvalidClusterSpecException e) {
            return e.errors();
        }
        throw new AssertionError("expected the spec to be refused:\n" + yaml);
    }

    @Test
    void minimalSpecGetsEveryDefault() throws Exception {
        ClusterSpec cluster = parse("image: neondatabase/neon:4270\n");

        assertThat(cluster.name()).isEqualTo("demo");
        assertThat(cluster.namespace()).isEqualTo("ns");
        assertThat(cluster.imagePullPolicy()).isEqualTo(ImagePullPolicy.IfNotPresent);
        assertThat(cluster.postgres().versions()).containsExactly(PgMajorVersion.DEFAULT_PG_VERSION);
        assertThat(cluster.postgres().defaultVersion()).isEqualTo(PgMajorVersion.DEFAULT_PG_VERSION);
        assertThat(cluster.etcd().replicas()).isEqualTo(1);
        assertThat(cluster.etcd().image()).isEqualTo(EtcdSpec.DEFAULT_IMAGE);
        assertThat(cluster.etcd().storage()).isEqualTo(new StorageSpec("1Gi", Optional.empty()));
        assertThat(cluster.pageserver().replicas()).isEqualTo(1);
        assertThat(cluster.pageserver().storage().size()).isEqualTo("10Gi");
        assertThat(cluster.pageserver().config()).isEmpty();
        assertThat(cluster.safekeepers().replicas()).isEqualTo(3);
        assertThat(cluster.remoteStorage()).isEmpty();
        assertThat(cluster.auth()).isEqualTo(AuthSpec.DISABLED);
        assertThat(cluster.deletionPolicy()).isEqualTo(DeletionPolicy.Retain);
        assertThat(cluster.upgrade().podReadyTimeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(cluster.upgrade().drainTimeout()).isEqualTo(Duration.ofSeconds(900));
        assertThat(cluster.upgrade().fillTimeout()).isEqualTo(Duration.ofSeconds(900));
        assertThat(cluster.upgrade().safekeeperCatchUpTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(cluster.localPorts()).isEqualTo(LocalPorts.DEFAULTS);
    }

    @Test
    void fullSpecIsReadAsWritten() throws Exception {
        ClusterSpec cluster = parse("""
                image: neondatabase/neon:4270
                imagePullPolicy: Always
                postgres: {versions: [15, 14], defaultVersion: 14}
                etcd: {replicas: 3, image: etcd:x, storage: {size: 2Gi, storageClassName: fast}}
                pageserver:
                  replicas: 2
                  resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {memory: 2Gi}}
                  config: {checkpoint_distance: 268435456, tenant_config: {gc_period: 1h}}
                safekeepers: {replicas: 5}
                remoteStorage: {bucket: b, region: r, endpoint: "http://minio:9000", prefix: p, credentialsSecret: s3}
                auth: {enabled: true, publicKeySecret: keys, apiTokenSecret: operator-token}
                deletionPolicy: Delete
                upgrade: {podReadyTimeoutSeconds: 30, drainTimeoutSeconds: 120, fillTimeoutSeconds: 60, safekeeperCatchUpTimeoutSeconds: 45}
                local: {etcdClientPort: 12379}
                """);

        assertThat(cluster.postgres().versions()).containsExactly(PgMajorVersion.V14, PgMajorVersion.V15);
        assertThat(cluster.postgres().defaultVersion()).isEqualTo(PgMajorVersion.V14);
        assertThat(cluster.etcd()).isEqualTo(new EtcdSpec(3, "etcd:x", new StorageSpec("2Gi", Optional.of("fast")), ResourcesSpec.NONE));
        assertThat(cluster.pageserver().resources().requests()).isEqualTo(Map.of("cpu", "500m", "memory", "1Gi"));
        assertThat(cluster.pageserver().config()).containsEntry("checkpoint_distance", 268435456L)
                .containsEntry("tenant_config", Map.of("gc_period", "1h"));
        assertThat(cluster.safekeepers().replicas()).isEqualTo(5);
        assertThat(cluster.remoteStorage()).contains(new RemoteStorageSpec("b", "r", Optional.of("http://minio:9000"),
                Optional.of("p"), Optional.of("s3")));
        assertThat(cluster.auth()).isEqualTo(new AuthSpec(true, Optional.of("keys"), Optional.of("operator-token"), Optional.empty()));
        assertThat(cluster.deletionPolicy()).isEqualTo(DeletionPolicy.Delete);
        assertThat(cluster.upgrade().podReadyTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(cluster.upgrade().drainTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(cluster.upgrade().fillTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(cluster.upgrade().safekeeperCatchUpTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(cluster.localPorts().etcdClientPort()).isEqualTo(12379);
        assertThat(cluster.localPorts().pageserverHttpPort()).isEqualTo(LocalPorts.DEFAULTS.pageserverHttpPort());
    }

    @Test
    void defaultVersionFallsBackToNewestListedWhenTheProjectDefaultIsNotServed() throws Exception {
        ClusterSpec cluster = parse("image: x\npostgres: {versions: [14, 15]}\n");

        assertThat(cluster.postgres().defaultVersion()).isEqualTo(PgMajorVersion.V15);
    }

    @Test
    void everyBadFieldIsNamedInOneGo() {
        List<FieldError> errors = errorsOf("""
                etcd: {replicas: 2}
                safekeepers: {replicas: 1}
                pageserver: {replicas: 0, storage: {size: lots}}
                postgres: {versions: [13, 16, 16]}
                deletionPolicy: Keep
                """);

        assertThat(errors).extracting(FieldError::path).containsExactlyInAnyOrder(
                "spec.image", "spec.etcd.replicas", "spec.safekeepers.replicas", "spec.pageserver.replicas",
                "spec.pageserver.storage.size", "spec.postgres.versions[0]", "spec.postgres.versions[2]",
                "spec.deletionPolicy");
        assertThat(errors).filteredOn(e -> e.path().equals("spec.etcd.replicas"))
                .extracting(FieldError::reason).singleElement().asString().contains("odd").contains("got 2");
        assertThat(errors).filteredOn(e -> e.path().equals("spec.postgres.versions[0]"))
                .extracting(FieldError::reason).singleElement().asString().contains("13").contains("14");
        assertThat(errors).filteredOn(e -> e.path().equals("spec.deletionPolicy"))
                .extracting(FieldError::reason).singleElement().asString().contains("Retain, Delete");
    }

    @Test
    void defaultVersionMustBeServed() {
        assertThat(errorsOf("image: x\npostgres: {versions: [15, 16], defaultVersion: 17}\n"))
                .containsExactly(new FieldError("spec.postgres.defaultVersion",
                        "must be one of spec.postgres.versions [15, 16], got 17"));
    }

    @Test
    void emptyVersionListIsRefused() {
        assertThat(errorsOf("image: x\npostgres: {versions: []}\n")).extracting(FieldError::path)
                .containsExactly("spec.postgres.versions");
    }

    @Test
    void operatorManagedPageserverKeysCannotBeOverridden() {
        assertThat(errorsOf("image: x\npageserver: {config: {listen_http_addr: '0.0.0.0:1', broker_endpoints: [], ok_key: 1}}\n"))
                .extracting(FieldError::path).containsExactlyInAnyOrder(
                        "spec.pageserver.config.listen_http_addr", "spec.pageserver.config.broker_endpoints");
    }

    @Test
    void nullInsidePageserverConfigIsRefused() {
        assertThat(errorsOf("image: x\npageserver: {config: {gc_horizon: null}}\n")).extracting(FieldError::path)
                .containsExactly("spec.pageserver.config.gc_horizon");
    }

    @Test
    void unknownFieldsAreRefusedSoTyposDoNotGoUnnoticed() {
        List<FieldError> errors = errorsOf("image: x\nsafekeeper: {replicas: 3}\netcd: {replica: 3}\n");

        assertThat(errors).extracting(FieldError::path).containsExactlyInAnyOrder("spec.safekeeper", "spec.etcd.replica");
        assertThat(errors.get(0).reason()).startsWith("unknown field");
    }

    @Test
    void wrongTypesAreNamed() {
        assertThat(errorsOf("image: 5\netcd: {replicas: three}\nauth: {enabled: yes-please}\n"))
                .extracting(FieldError::path)
                .containsExactlyInAnyOrder("spec.image", "spec.etcd.replicas", "spec.auth.enabled");
    }

    @Test
    void remoteStorageNeedsBucketAndRegion() {
        assertThat(errorsOf("image: x\nremoteStorage: {prefix: p}\n")).extracting(FieldError::path)
                .containsExactlyInAnyOrder("spec.remoteStorage.bucket", "spec.remoteStorage.region");
    }

    @Test
    void enabledAuthNeedsAKeySecret() {
        assertThat(errorsOf("image: x\nauth: {enabled: true}\n")).extracting(FieldError::path)
                .containsExactly("spec.auth.publicKeySecret");
    }

    @Test
    void secretNamesMustBeKubernetesObjectNames() {
        List<FieldError> errors = errorsOf("""
                image: x
                remoteStorage: {bucket: b, region: r, credentialsSecret: S3_Creds}
                auth: {enabled: true, publicKeySecret: "keys/", apiTokenSecret: "-token"}
                """);

        assertThat(errors).extracting(FieldError::path).containsExactlyInAnyOrder("spec.remoteStorage.credentialsSecret",
                "spec.auth.publicKeySecret", "spec.auth.apiTokenSecret");
        assertThat(errors).filteredOn(e -> e.path().equals("spec.auth.apiTokenSecret")).singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("must be a Kubernetes object name").endsWith("got \"-token\""));
        assertThat(errorsOf("image: x\nauth: {apiTokenSecret: " + "a".repeat(254) + "}\n")).extracting(FieldError::path)
                .containsExactly("spec.auth.apiTokenSecret");
    }

    @Test
    void shortUpgradeTimeoutAndBadPortsAreRefused() {
        assertThat(errorsOf("image: x\nupgrade: {podReadyTimeoutSeconds: 1}\nlocal: {safekeeperPgPort: 70000}\n"))
                .extracting(FieldError::path)
                .containsExactlyInAnyOrder("spec.upgrade.podReadyTimeoutSeconds", "spec.local.safekeeperPgPort");
    }

    @Test
    void drainAndFillTimeoutsBelowTenSecondsAreRefusedNamingTheField() {
        assertThat(errorsOf("image: x\nupgrade: {drainTimeoutSeconds: 9, fillTimeoutSeconds: 0}\n"))
                .extracting(FieldError::path, FieldError::reason)
                .containsExactlyInAnyOrder(tuple("spec.upgrade.drainTimeoutSeconds", "must be at least 10, got 9"),
                        tuple("spec.upgrade.fillTimeoutSeconds", "must be at least 10, got 0"));
    }

    @Test
    void monitoringIsAcceptedAndOnlyItsFormChecked() throws InvalidClusterSpecException {
        ClusterSpecParser.parse("demo", "ns", spec("image: x\nmonitoring: {podMonitor: true}\n"));

        assertThat(errorsOf("image: x\nmonitoring: {podMonitor: yes-please, serviceMonitor: true}\n"))
                .extracting(FieldError::path)
                .containsExactlyInAnyOrder("spec.monitoring.podMonitor", "spec.monitoring.serviceMonitor");
    }

    @Test
    void clusterNamesMustFitIntoResourceNames() {
        assertThatThrownBy(() -> ClusterSpecParser.parse("Demo_1", "ns", spec("image: x")))
                .isInstanceOf(InvalidClusterSpecException.class).hasMessageStartingWith("metadata.name: must be lower-case");
        assertThatThrownBy(() -> ClusterSpecParser.parse("a".repeat(41), "ns", spec("image: x")))
                .hasMessageContaining("at most 40 characters");
    }

    @Test
    void missingSpecIsRefused() {
        assertThatThrownBy(() -> ClusterSpecParser.parse("demo", "ns", null))
                .isInstanceOf(InvalidClusterSpecException.class).hasMessage("spec: is required (at least spec.image)");
    }

    private static final String MODERN = """
            image: neondatabase/neon:8000
            postgres: {versions: [16, 17]}
            storageBroker: {replicas: 1}
            storageController: {}
            remoteStorage: {bucket: b, region: r}
            """;

    @Test
    void storageBrokerClusterIsReadWithTheControllersManagedDatabaseByDefault() throws Exception {
        ClusterSpec cluster = parse(MODERN);

        assertThat(cluster.broker()).isEqualTo(new StorageBrokerSpec(1, ResourcesSpec.NONE));
        assertThat(cluster.etcd().replicas()).isZero();
        assertThat(cluster.storageController()).contains(new StorageControllerSpec(ResourcesSpec.NONE,
                new StorageControllerDatabase.Managed("postgres:16", new StorageSpec("1Gi", Optional.empty()),
                        ResourcesSpec.NONE)));
        assertThat(cluster.pageserver().availabilityZone()).isEqualTo(PageserverSpec.DEFAULT_AVAILABILITY_ZONE);
    }

    @Test
    void authWithAStorageControllerNeedsTheSecretOfItsTokens() throws Exception {
        String auth = MODERN + "auth: {enabled: true, publicKeySecret: keys}\n";

        assertThatThrownBy(() -> parse(auth)).isInstanceOf(InvalidClusterSpecException.class)
                .hasMessageContaining("spec.auth.storageControllerSecret: is required when spec.auth.enabled is true");
        assertThat(parse(auth.replace("keys}", "keys, storageControllerSecret: tokens}")).auth()
                .storageControllerSecret()).contains("tokens");
    }

    @Test
    void externalDatabaseReadsTheUrlFromDatabaseUrlUnlessAnotherKeyIsNamed() throws Exception {
        String external = MODERN.replace("storageController: {}", "storageController: {database: {external: {secretName: db}}}");

        assertThat(parse(external).storageController().orElseThrow().database())
                .isEqualTo(new StorageControllerDatabase.External("db", "DATABASE_URL"));
        assertThat(parse(external.replace("secretName: db", "secretName: db, key: URI")).storageController()
                .orElseThrow().database()).isEqualTo(new StorageControllerDatabase.External("db", "URI"));
    }

    @Test
    void pageserversRegisterInTheZoneTheSpecNames() throws Exception {
        assertThat(parse(MODERN + "pageserver: {availabilityZone: eu-central-1a}\n").pageserver().availabilityZone())
                .isEqualTo("eu-central-1a");
    }

    @Test
    void noBrokerMeansTheEtcdBrokerAsBeforeTheStorageBrokerCouldBeChosen() throws Exception {
        ClusterSpec cluster = parse("image: x\n");

        assertThat(cluster.broker()).isInstanceOf(EtcdSpec.class);
        assertThat(cluster.storageController()).isEmpty();
    }

    @Test
    void etcdBrokerRefusesPostgresMajorsItsImagesDoNotShip() {
        assertThat(errorsOf("image: x\npostgres: {versions: [15, 16, 17]}\n")).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo("spec.postgres.versions");
            assertThat(error.reason()).startsWith("Postgres 16, 17 needs the storage broker (spec.storageBroker)");
        });
    }

    @Test
    void etcdBrokerRefusesAStorageController() {
        assertThat(errorsOf("image: x\netcd: {}\nstorageController: {}\n")).extracting(FieldError::path)
                .containsExactly("spec.storageController");
    }

    @Test
    void storageBrokerNeedsTheStorageControllerAndRemoteStorage() {
        assertThat(errorsOf("image: x\nstorageBroker: {}\n")).extracting(FieldError::path)
                .containsExactlyInAnyOrder("spec.storageController", "spec.remoteStorage");
    }

    @Test
    void aSecondStorageBrokerIsRefusedWithTheReason() {
        assertThat(errorsOf(MODERN.replace("storageBroker: {replicas: 1}", "storageBroker: {replicas: 2}")))
                .containsExactly(new FieldError("spec.storageBroker.replicas",
                        "must be 1, got 2: " + StorageBrokerSpec.ONE_BROKER));
    }

    @Test
    void aClusterHasExactlyOneBroker() {
        assertThat(errorsOf(MODERN + "etcd: {replicas: 1}\n")).extracting(FieldError::path)
                .containsExactly("spec.storageBroker");
    }

    @Test
    void theControllersDatabaseIsManagedOrExternalNotBoth() {
        String both = MODERN.replace("storageController: {}",
                "storageController: {database: {managed: {}, external: {secretName: db}}}");

        assertThat(errorsOf(both)).extracting(FieldError::path)
                .containsExactly("spec.storageController.database.external");
    }

    @Test
    void aSafekeeperCatchUpTimeoutUnderTenSecondsIsRefusedNamingTheField() {
        assertThat(errorsOf("image: x\nupgrade: {safekeeperCatchUpTimeoutSeconds: 9}\n"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("spec.upgrade.safekeeperCatchUpTimeoutSeconds");
                    assertThat(e.reason()).isEqualTo("must be at least 10, got 9");
                });
    }
}

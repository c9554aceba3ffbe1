package io.neonops.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.cli.RenderCommand;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.EtcdSpec;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.cluster.SafekeepersSpec;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.status.Refusal;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Poll;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The real operator against the mock API server; each test works in a namespace of its own. */
@EnableKubernetesMockClient(crud = true)
class NeonClusterOperatorTest {

    static KubernetesMockServer server;
    static KubernetesClient client;
    static OperatorHarness operator;

    static final String DEMO = ClusterFixtures.DEMO;
    static final List<String> MODERN_PODS = List.of("demo-storage-controller-db-0", "demo-storage-controller-0",
            "demo-storage-broker-0", "demo-safekeeper-0", "demo-safekeeper-1", "demo-safekeeper-2", "demo-pageserver-0");
    static final List<String> DEMO_PODS = List.of("demo-etcd-0", "demo-pageserver-0", "demo-safekeeper-0",
            "demo-safekeeper-1", "demo-safekeeper-2");

    @BeforeAll
    static void startOperator() {
        operator = OperatorHarness.start(server, client);
    }

    /** Finished clusters stop resyncing, so that they do not slow down the tests after them. */
    @AfterEach
    void deleteClusters() {
        client.resources(NeonCluster.class).inAnyNamespace().delete();
    }

    @AfterAll
    static void stopOperator() {
        operator.close();
    }

    @Test
    void createsEveryObjectAndReportsThemInStatus() {
        operator.create("create", DEMO);

        NeonClusterStatus status = operator.awaitStatus("create", "demo", "every node counted",
                s -> s.getSafekeepers() != null && s.getEtcd() != null && s.getPageserver() != null);

        assertThat(operator.podNames("create")).containsExactlyInAnyOrderElementsOf(DEMO_PODS);
        assertThat(client.persistentVolumeClaims().inNamespace("create").list().getItems())
                .extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(DEMO_PODS.stream().map(p -> p + "-data").toList());
        assertThat(client.services().inNamespace("create").list().getItems()).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("demo-etcd", "demo-pageserver", "demo-safekeeper");
        assertThat(client.configMaps().inNamespace("create").withName("demo-pageserver").get().getData())
                .containsKey("pageserver.toml");
        assertThat(client.policy().v1().podDisruptionBudget().inNamespace("create").list().getItems())
                .extracting(b -> b.getMetadata().getName()).containsExactlyInAnyOrder("demo-etcd", "demo-safekeeper");
        assertThat(status.getSafekeepers().getDesired()).isEqualTo(3);
        assertThat(status.getEtcd().getDesired()).isEqualTo(1);
        assertThat(status.getPageserver().getDesired()).isEqualTo(1);
        assertThat(status.getPhase()).isIn(ClusterPhase.PENDING, ClusterPhase.CREATING);
        assertThat(OperatorHarness.condition(status, ClusterConditions.READY).getStatus()).isEqualTo(ClusterConditions.FALSE);
        assertThat(OperatorHarness.condition(status, ClusterConditions.DEGRADED).getStatus()).isEqualTo(ClusterConditions.FALSE);
        assertThat(operator.eventReasons("create")).contains("Created");
    }

    @Test
    void reportsReadyForTheCurrentGenerationOncePodsAreReady() {
        createAndAwaitPods("ready", DEMO);

        operator.markAllReady("ready");

        NeonClusterStatus status = operator.awaitRunning("ready");
        long generation = operator.get("ready", "demo").getMetadata().getGeneration();
        assertThat(status.getObservedGeneration()).isEqualTo(generation);
        Condition ready = OperatorHarness.condition(status, ClusterConditions.READY);
        assertThat(ready.getStatus()).isEqualTo(ClusterConditions.TRUE);
        assertThat(ready.getObservedGeneration()).isEqualTo(generation);
        assertThat(status.getSafekeepers().getReady()).isEqualTo(3);
        assertThat(status.getSafekeepers().getUpdated()).isEqualTo(3);
        assertThat(status.getImage()).isEqualTo("neondatabase/neon:4270");
        assertThat(status.getPostgres().getVersions()).containsExactly(14, 15);
        assertThat(status.getPostgres().getDefaultVersion()).isEqualTo(15);
    }

    @Test
    void recreatesADeletedPodOnItsExistingVolume() {
        createAndAwaitPods("recreate", DEMO);
        String podUid = client.pods().inNamespace("recreate").withName("demo-safekeeper-1").get().getMetadata().getUid();
        String volumeUid = client.persistentVolumeClaims().inNamespace("recreate").withName("demo-safekeeper-1-data").get()
                .getMetadata().getUid();

        client.pods().inNamespace("recreate").withName("demo-safekeeper-1").delete();

        Pod recreated = Poll.value("demo-safekeeper-1 recreated", () -> Optional
                .ofNullable(client.pods().inNamespace("recreate").withName("demo-safekeeper-1").get())
                .filter(p -> !p.getMetadata().getUid().equals(podUid)));
        assertThat(recreated.getSpec().getVolumes()).anySatisfy(v ->
                assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("demo-safekeeper-1-data"));
        assertThat(client.persistentVolumeClaims().inNamespace("recreate").withName("demo-safekeeper-1-data").get()
                .getMetadata().getUid()).isEqualTo(volumeUid);
        Poll.until("a PodRecreated event", () -> operator.eventReasons("recreate").contains("PodRecreated"));
    }

    @Test
    void refusesAnInvalidSpecWithDegradedAndTouchesNothing() {
        createAndAwaitPods("invalid", DEMO);
        operator.markAllReady("invalid");
        operator.awaitRunning("invalid");
        operator.requests.drain();

        long generation = operator.editSpec("invalid", c -> {
            c.getSpec().setEtcd(new EtcdSpec());
            c.getSpec().getEtcd().setReplicas(2);
        }).getMetadata().getGeneration();

        NeonClusterStatus status = operator.awaitDegraded("invalid", generation);
        Condition degraded = OperatorHarness.condition(status, ClusterConditions.DEGRADED);
        assertThat(degraded.getReason()).isEqualTo(Refusal.INVALID_SPEC);
        assertThat(degraded.getMessage()).contains("spec.etcd.replicas");
        assertThat(OperatorHarness.condition(status, ClusterConditions.READY).getStatus()).isEqualTo(ClusterConditions.FALSE);
        assertThat(status.getPhase()).isEqualTo(ClusterPhase.DEGRADED);
        operator.awaitReconciliations("invalid", "demo", 2);
        assertThat(operator.objectWrites("invalid")).isEmpty();
        assertThat(operator.podNames("invalid")).containsExactlyInAnyOrderElementsOf(DEMO_PODS);
        Poll.until("a Warning event naming the field", () -> operator.events("invalid").stream()
                .anyMatch(e -> "Warning".equals(e.getType()) && e.getNote().contains("spec.etcd.replicas")));
    }

    @Test
    void createsEveryObjectOfAModernClusterWithAGeneratedDatabaseSecretAndAResyncWritesNothing() {
        operator.create("modern", ClusterFixtures.demo("storageBroker: {}", "storageController: {}",
                "remoteStorage: {bucket: b, region: r}", "postgres: {versions: [16, 17]}"));

        Poll.until("every pod of the modern cluster", () -> operator.podNames("modern").size() == MODERN_PODS.size());
        assertThat(operator.podNames("modern")).containsExactlyInAnyOrderElementsOf(MODERN_PODS);
        assertThat(client.services().inNamespace("modern").list().getItems()).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("demo-storage-controller-db", "demo-storage-controller",
                        "demo-storage-broker", "demo-safekeeper", "demo-pageserver");
        assertThat(client.persistentVolumeClaims().inNamespace("modern").list().getItems())
                .extracting(c -> c.getMetadata().getName()).contains("demo-storage-controller-db-0-data")
                .doesNotContain("demo-storage-broker-0-data", "demo-storage-controller-0-data");
        Secret secret = client.secrets().inNamespace("modern").withName("demo-storage-controller-db").get();
        String password = decoded(secret, "password");
        assertThat(password).matches("[0-9a-f]{48}");
        assertThat(decoded(secret, "DATABASE_URL")).isEqualTo("postgresql://storage_controller:" + password
                + "@demo-storage-controller-db.modern.svc:5432/storage_controller");

        assertThat(operator.writesOfResyncs("modern")).isEmpty();
        assertThat(client.secrets().inNamespace("modern").withName("demo-storage-controller-db").get().getData())
                .as("never generated again").isEqualTo(secret.getData());
    }

    @Test
    void refusesToRecreateTheDatabaseSecretBesideTheVolumeOfTheDatabaseItOpened() {
        operator.create("lostsecret", ClusterFixtures.demo("storageBroker: {}", "storageController: {}",
                "remoteStorage: {bucket: b, region: r}"));
        Poll.until("every pod of the modern cluster", () -> operator.podNames("lostsecret").size() == MODERN_PODS.size());

        client.secrets().inNamespace("lostsecret").withName("demo-storage-controller-db").delete();

        NeonClusterStatus status = operator.awaitStatus("lostsecret", "demo", "the lost Secret refused",
                s -> s.getConditions() != null && s.getConditions().stream().anyMatch(
                        c -> Refusal.DATABASE_SECRET_LOST.equals(c.getReason())));
        assertThat(OperatorHarness.condition(status, ClusterConditions.DEGRADED).getMessage())
                .contains("Secret demo-storage-controller-db is gone, but volume demo-storage-controller-db-0-data");
        assertThat(client.secrets().inNamespace("lostsecret").withName("demo-storage-controller-db").get()).isNull();
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    @Test
    void refusesToScaleDownSafekeepersAndKeepsThemRunning() {
        createAndAwaitPods("scaledown", DEMO.replace("  postgres:", "  safekeepers: {replicas: 4}\n  postgres:"));
        operator.requests.drain();

        long generation = operator.editSpec("scaledown", c -> c.getSpec().getSafekeepers().setReplicas(3)).getMetadata().getGeneration();

        Condition degraded = OperatorHarness.condition(operator.awaitDegraded("scaledown", generation), ClusterConditions.DEGRADED);
        assertThat(degraded.getReason()).isEqualTo(Refusal.SCALE_DOWN_REFUSED);
        assertThat(degraded.getMessage()).contains("spec.safekeepers.replicas", "demo-safekeeper-3");
        operator.awaitReconciliations("scaledown", "demo", 2);
        assertThat(operator.objectWrites("scaledown")).isEmpty();
        assertThat(operator.podNames("scaledown")).contains("demo-safekeeper-3");
    }

    /** Growing etcd needs etcd itself, which {@link EtcdScaleUpOperatorTest} fakes. */
    @Test
    void scalesUpSafekeepers() {
        createAndAwaitPods("scaleup", DEMO);

        operator.editSpec("scaleup", c -> {
            c.getSpec().setSafekeepers(new SafekeepersSpec());
            c.getSpec().getSafekeepers().setReplicas(5);
        });

        Poll.until("7 pods", () -> operator.podNames("scaleup").size() == 7);
        assertThat(operator.podNames("scaleup")).contains("demo-safekeeper-3", "demo-safekeeper-4");
        NeonClusterStatus status = operator.awaitStatus("scaleup", "demo", "5 safekeepers desired",
                s -> s.getSafekeepers().getDesired() == 5);
        assertThat(status.getEtcd().getDesired()).isEqualTo(1);
    }

    @Test
    void pausedClusterGetsNoWritesUntilResumed() {
        createAndAwaitPods("paused", DEMO);
        operator.markAllReady("paused");
        operator.awaitRunning("paused");

        operator.editSpec("paused", c -> c.getMetadata().getAnnotations().put(NeonCluster.PAUSED_ANNOTATION, "true"));
        operator.awaitStatus("paused", "demo", "phase Paused", s -> s.getPhase() == ClusterPhase.PAUSED);
        operator.awaitReconciliations("paused", "demo", 1);
        operator.requests.drain();
        operator.editSpec("paused", c -> c.getSpec().setImage("neondatabase/neon:5000"));
        client.pods().inNamespace("paused").withName("demo-safekeeper-0").delete();
        operator.awaitReconciliations("paused", "demo", 3);

        assertThat(operator.operatorWrites("paused")).containsExactly("DELETE /api/v1/namespaces/paused/pods/demo-safekeeper-0");
        assertThat(operator.podNames("paused")).doesNotContain("demo-safekeeper-0");

        operator.editSpec("paused", c -> c.getMetadata().getAnnotations().remove(NeonCluster.PAUSED_ANNOTATION));

        Poll.until("demo-safekeeper-0 back after the pause", () -> operator.podNames("paused").contains("demo-safekeeper-0"));
        operator.awaitStatus("paused", "demo", "no longer Paused", s -> s.getPhase() != ClusterPhase.PAUSED);
        Poll.until("Paused and Resumed events", () -> operator.eventReasons("paused").containsAll(List.of("Paused", "Resumed")));
    }

    @Test
    void resyncOfAnUnchangedClusterMakesNoWrite() {
        createAndAwaitPods("resync", DEMO);

        assertThat(operator.writesOfResyncs("resync")).isEmpty();
    }

    @Test
    void renderPrintsExactlyWhatTheOperatorCreated(@TempDir Path dir) throws IOException {
        createAndAwaitPods("render", DEMO);
        Path manifest = Files.writeString(dir.resolve("demo.yaml"),
                client.getKubernetesSerialization().asYaml(operator.get("render", "demo")));
        StringWriter out = new StringWriter();

        int exit = new CommandLine(new RenderCommand()).setOut(new PrintWriter(out)).execute("-f", manifest.toString());

        assertThat(exit).isZero();
        List<HasMetadata> rendered = client.load(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)))
                .items();
        List<HasMetadata> created = new ArrayList<>();
        for (Class<? extends HasMetadata> kind : ObservedCluster.KINDS) {
            created.addAll(client.resources(kind).inNamespace("render").list().getItems());
        }
        assertThat(rendered).extracting(ChangeApplier::describe)
                .containsExactlyInAnyOrderElementsOf(created.stream().map(ChangeApplier::describe).toList());
        for (HasMetadata object : rendered) {
            HasMetadata stored = created.stream().filter(c -> ChangeApplier.describe(c).equals(ChangeApplier.describe(object)))
                    .findFirst().orElseThrow();
            assertThat(writtenFields(stored)).as(ChangeApplier.describe(object)).isEqualTo(writtenFields(object));
        }
    }

    /** An object without what the API server adds: status and server-set metadata. */
    private static JsonNode writtenFields(HasMetadata object) {
        ObjectNode tree = client.getKubernetesSerialization().convertValue(object, ObjectNode.class);
        tree.remove("status");
        ObjectNode metadata = (ObjectNode) tree.get("metadata");
        metadata.retain("name", "namespace", "labels", "annotations", "ownerReferences");
        return tree;
    }

    private static void createAndAwaitPods(String namespace, String manifest) {
        operator.createAndAwaitPods(namespace, manifest);
    }
}

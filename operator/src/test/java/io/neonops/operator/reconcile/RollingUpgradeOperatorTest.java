package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.OperatorHarness.condition;
import static io.neonops.operator.testing.SecretFixtures.base64;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.controlplane.component.Component;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.metrics.OperatorMetrics;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.status.ClusterStatusBuilder;
import io.neonops.operator.status.Refusal;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.FakeKubelet;
import io.neonops.operator.testing.FakeKubelet.Deletion;
import io.neonops.operator.testing.FakePageservers;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Poll;
import io.neonops.operator.testing.SecretFixtures;
import io.neonops.operator.upgrade.TimelinePgVersion;
import io.neonops.storage.common.testing.FakeHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rolling upgrades by the real operator against the mock API server, with a fake kubelet that marks pods Ready
 * (or, for a stuck pod, never) and fake pageservers; each test works in a namespace of its own.
 */
@EnableKubernetesMockClient(crud = true)
class RollingUpgradeOperatorTest {

    static KubernetesMockServer server;
    static KubernetesClient client;
    static FakePageservers pageservers;
    static OperatorHarness operator;

    static final String OLD_IMAGE = "neondatabase/neon:4270";
    static final String NEW_IMAGE = "neondatabase/neon:4300";
    static final String OLD_ETCD = "quay.io/coreos/etcd:v3.5.17";
    static final String NEW_ETCD = "quay.io/coreos/etcd:v3.5.18";
    static final String TENANT = "de200bd42b49cc1814412c7e592dd6e9";
    static final String TIMELINE_14 = "1f2e3d4c5b6a79880123456789abcdef";
    static final String TIMELINE_15 = "00112233445566778899aabbccddeeff";
    /** A pod is marked Ready this long after it is created: long enough for a roll to be seen waiting for it. */
    static final Duration READY_AFTER = Duration.ofMillis(200);
    /** What the test operator watches; some tests run operators of their own in other namespaces. */
    static final Set<String> NAMESPACES = Set.of("roll", "halt-rollback", "pg-in-use", "pg-down", "pg-default",
            "pg-add", "pg-unused", "pg-auth");
    /** For the operators that must act without any resync: anything they do was set off by an event or a deadline. */
    static final Duration NO_RESYNC = Duration.ofHours(1);
    /** The shortest ready timeout the CRD allows. */
    static final String HALT_AFTER_10S = "upgrade: {podReadyTimeoutSeconds: 10}";
    static final List<String> THREE_ETCD_PODS = List.of("demo-etcd-0", "demo-etcd-1", "demo-etcd-2",
            "demo-safekeeper-0", "demo-safekeeper-1", "demo-safekeeper-2", "demo-pageserver-0");

    private final List<FakeKubelet> kubelets = new ArrayList<>();

    @BeforeAll
    static void startOperator() {
        pageservers = FakePageservers.start();
        operator = OperatorHarness.start(server, client, NAMESPACES, pageservers.connector(), OperatorHarness.RESYNC);
    }

    @AfterEach
    void stopKubeletsAndDeleteClusters() {
        kubelets.forEach(FakeKubelet::close);
        client.resources(NeonCluster.class).inAnyNamespace().delete();
    }

    @AfterAll
    static void stopOperator() {
        operator.close();
        pageservers.close();
    }

    private static String threeEtcdMembers() {
        return "etcd: {replicas: 3, image: " + OLD_ETCD + "}";
    }

    /**
     * Starts a kubelet for {@code namespace} that never readies the pods {@code neverReady} picks, has
     * {@code operator} create cluster {@code demo} there on {@link #OLD_IMAGE} with these spec lines, and waits
     * until it runs.
     */
    private FakeKubelet running(OperatorHarness operator, String namespace, Predicate<Pod> neverReady,
                                String... specLines) {
        FakeKubelet kubelet = FakeKubelet.start(client, namespace, READY_AFTER, neverReady);
        kubelets.add(kubelet);
        operator.create(namespace, ClusterFixtures.demo(specLines));
        operator.awaitRunning(namespace);
        return kubelet;
    }

    /** An operator of the test's own for {@code namespace}, which never resyncs. */
    private static OperatorHarness ownOperator(String namespace) {
        return OperatorHarness.start(server, client, Set.of(namespace), pageservers.connector(), NO_RESYNC);
    }

    private FakeKubelet running(String namespace, String... specLines) {
        return running(operator, namespace, pod -> false, specLines);
    }

    /** The pod {@code name} when it runs {@code image}: it crashes on start. */
    private static Predicate<Pod> stuck(String name, String image) {
        return pod -> pod.getMetadata().getName().equals(name)
                && pod.getSpec().getContainers().get(0).getImage().equals(image);
    }

    private static long edit(String namespace, Consumer<NeonCluster> change) {
        return operator.editSpec(namespace, change).getMetadata().getGeneration();
    }

    private static void newImages(NeonCluster cluster) {
        cluster.getSpec().setImage(NEW_IMAGE);
        cluster.getSpec().getEtcd().setImage(NEW_ETCD);
    }

    private static List<String> names(List<Deletion> deletions) {
        return deletions.stream().map(Deletion::pod).toList();
    }

    private static List<Event> restartEvents(String namespace) {
        return operator.events(namespace).stream().filter(e -> PodRestarts.REASON.equals(e.getReason())).toList();
    }

    /** Pods of {@code component} that {@code operator}'s pods-restarted metric counted. */
    private static double restarted(OperatorHarness operator, Component component) {
        return operator.counted(OperatorMetrics.PODS_RESTARTED, OperatorMetrics.COMPONENT_TAG, component.id());
    }

    /** Every deleted pod ran the old spec, and every other pod was Ready when it went: one at a time, quorum kept. */
    private static void assertRolledOneAtATimeFromTheOldSpec(List<Deletion> deletions, Map<String, String> oldHashes) {
        for (Deletion deletion : deletions) {
            Set<String> others = new TreeSet<>(oldHashes.keySet());
            others.remove(deletion.pod());
            assertThat(deletion.specHash()).as("spec hash of deleted %s", deletion.pod()).isEqualTo(oldHashes.get(deletion.pod()));
            assertThat(deletion.readyOthers()).as("pods Ready when %s was deleted", deletion.pod()).isEqualTo(others);
        }
    }

    @Test
    void imageChangeRestartsEachPodOnceEtcdThenSafekeepersThenPageserversKeepingQuorum() {
        FakeKubelet kubelet = running("roll", threeEtcdMembers());
        Map<String, String> oldHashes = kubelet.specHashes();

        long generation = edit("roll", RollingUpgradeOperatorTest::newImages);

        NeonClusterStatus rolling = operator.awaitStatus("roll", "demo", "status.upgrade", s -> s.getUpgrade() != null);
        assertThat(rolling.getUpgrade().getFrom().getImage()).isEqualTo(OLD_IMAGE);
        assertThat(rolling.getUpgrade().getTo().getImage()).isEqualTo(NEW_IMAGE);
        assertThat(rolling.getUpgrade().getTotalPods()).isEqualTo(7);
        assertThat(rolling.getUpgrade().getCurrentPod()).isIn(THREE_ETCD_PODS);
        assertThat(rolling.getPhase()).isEqualTo(ClusterPhase.UPGRADING);
        assertThat(condition(rolling, ClusterConditions.PROGRESSING).getReason()).isEqualTo(ClusterStatusBuilder.ROLLING_UPGRADE);
        NeonClusterStatus done = operator.awaitRunning("roll", generation);
        assertThat(done.getUpgrade()).isNull();
        assertThat(done.getImage()).isEqualTo(NEW_IMAGE);
        assertThat(condition(done, ClusterConditions.PROGRESSING).getStatus()).isEqualTo(ClusterConditions.FALSE);
        List<Deletion> deletions = kubelet.deletions();
        assertThat(names(deletions)).containsExactlyElementsOf(THREE_ETCD_PODS);
        assertRolledOneAtATimeFromTheOldSpec(deletions, oldHashes);
        assertThat(restartEvents("roll")).hasSize(7).allSatisfy(e -> assertThat(e.getNote())
                .contains("restarting pod " + e.getRelated().getName(), "image " + OLD_IMAGE + " -> " + NEW_IMAGE));
    }

    /**
     * Without resyncs, so that the halt is seen by the deadline the operator set itself, not by chance; with an
     * operator of its own, so that its metrics count this roll only.
     */
    @Test
    void aPodNotReadyInTimeHaltsTheRollWithDegradedUntilItRecovers() {
        try (OperatorHarness own = ownOperator("halt-recover")) {
            FakeKubelet kubelet = running(own, "halt-recover", stuck("demo-safekeeper-0", NEW_IMAGE), HALT_AFTER_10S);

            long generation = edit("halt-recover", c -> c.getSpec().setImage(NEW_IMAGE));

            NeonClusterStatus halted = own.awaitDegraded("halt-recover", generation);
            assertThat(condition(halted, ClusterConditions.DEGRADED).getReason()).isEqualTo(ClusterStatusBuilder.ROLL_HALTED);
            assertThat(condition(halted, ClusterConditions.DEGRADED).getMessage())
                    .startsWith("pod demo-safekeeper-0 was created on the new spec").contains("not Ready within 10s");
            assertThat(condition(halted, ClusterConditions.PROGRESSING).getStatus()).isEqualTo(ClusterConditions.FALSE);
            assertThat(halted.getUpgrade().getCurrentPod()).isEqualTo("demo-safekeeper-0");
            assertThat(names(kubelet.deletions())).containsExactly("demo-safekeeper-0");
            assertThat(own.events("halt-recover")).anySatisfy(e -> {
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getReason()).isEqualTo(ClusterStatusBuilder.ROLL_HALTED);
            });

            own.markReady("halt-recover", "demo-safekeeper-0");

            NeonClusterStatus done = own.awaitRunning("halt-recover", generation);
            assertThat(condition(done, ClusterConditions.DEGRADED).getStatus()).isEqualTo(ClusterConditions.FALSE);
            assertThat(names(kubelet.deletions()))
                    .containsExactly("demo-safekeeper-0", "demo-safekeeper-1", "demo-safekeeper-2", "demo-pageserver-0");
            assertThat(restarted(own, Component.SAFEKEEPER)).isEqualTo(3);
            assertThat(restarted(own, Component.PAGESERVER)).isEqualTo(1);
            assertThat(restarted(own, Component.ETCD)).isZero();
            assertThat(own.counted(OperatorMetrics.CHANGES_REFUSED, OperatorMetrics.REASON_TAG,
                    ClusterStatusBuilder.ROLL_HALTED)).as("a halt refuses no spec").isZero();
        }
    }

    @Test
    void rollingBackToThePreviousSpecRestartsOnlyTheHaltedPod() {
        FakeKubelet kubelet = running(operator, "halt-rollback", stuck("demo-safekeeper-0", NEW_IMAGE), HALT_AFTER_10S);
        Map<String, String> oldHashes = kubelet.specHashes();
        operator.awaitDegraded("halt-rollback", edit("halt-rollback", c -> c.getSpec().setImage(NEW_IMAGE)));
        operator.awaitReconciliations("halt-rollback", "demo", 1);
        operator.requests.drain();
        operator.awaitReconciliations("halt-rollback", "demo", 2);
        assertThat(operator.operatorWrites("halt-rollback")).as("writes while halted").isEmpty();
        assertThat(names(kubelet.deletions())).as("restarted while halted").containsExactly("demo-safekeeper-0");

        long generation = edit("halt-rollback", c -> c.getSpec().setImage(OLD_IMAGE));

        NeonClusterStatus done = operator.awaitRunning("halt-rollback", generation);
        assertThat(done.getImage()).isEqualTo(OLD_IMAGE);
        assertThat(done.getUpgrade()).isNull();
        assertThat(condition(done, ClusterConditions.DEGRADED).getStatus()).isEqualTo(ClusterConditions.FALSE);
        List<Deletion> deletions = kubelet.deletions();
        assertThat(names(deletions)).containsExactly("demo-safekeeper-0", "demo-safekeeper-0");
        assertThat(deletions.get(1).specHash()).isNotEqualTo(oldHashes.get("demo-safekeeper-0"));
        assertThat(kubelet.specHashes()).isEqualTo(oldHashes);
    }

    @Test
    void aNewOperatorFinishesARollTheStoppedOneBeganWithoutRestartingAnUpdatedPod() {
        FakeKubelet kubelet;
        Map<String, String> oldHashes;
        long generation;
        try (OperatorHarness first = ownOperator("resume")) {
            kubelet = running(first, "resume", pod -> false, threeEtcdMembers());
            oldHashes = kubelet.specHashes();
            generation = edit("resume", RollingUpgradeOperatorTest::newImages);
            Poll.until("three pods restarted", () -> kubelet.deletions().size() >= 3);
        }
        int restartedByTheFirst = kubelet.deletions().size();

        try (OperatorHarness second = ownOperator("resume")) {
            second.awaitRunning("resume", generation);
        }

        assertThat(restartedByTheFirst).isLessThan(THREE_ETCD_PODS.size());
        List<Deletion> deletions = kubelet.deletions();
        assertThat(names(deletions)).containsExactlyElementsOf(THREE_ETCD_PODS);
        assertRolledOneAtATimeFromTheOldSpec(deletions, oldHashes);
    }

    @Test
    void removingAPostgresMajorATimelineStillUsesIsRefusedNamingItAndTouchesNothing() {
        pageservers.serve("pg-in-use", List.of(new TimelinePgVersion(TENANT, TIMELINE_14, 14),
                new TimelinePgVersion(TENANT, TIMELINE_15, 15)));
        FakeKubelet kubelet = running("pg-in-use", "postgres: {versions: [14, 15], defaultVersion: 15}");
        operator.requests.drain();

        long generation = edit("pg-in-use", c -> c.getSpec().getPostgres().setVersions(List.of(15)));

        NeonClusterStatus refused = operator.awaitDegraded("pg-in-use", generation);
        assertThat(condition(refused, ClusterConditions.DEGRADED).getReason()).isEqualTo(Refusal.POSTGRES_VERSION_IN_USE);
        assertThat(condition(refused, ClusterConditions.DEGRADED).getMessage()).isEqualTo("spec.postgres.versions: cannot"
                + " remove Postgres 14 while 1 timeline uses it: tenant " + TENANT + " timeline " + TIMELINE_14 + " (Postgres 14)");
        assertThat(refused.getPostgres().getVersions()).containsExactly(14, 15);
        operator.awaitReconciliations("pg-in-use", "demo", 2);
        assertThat(operator.objectWrites("pg-in-use")).isEmpty();
        assertThat(kubelet.deletions()).isEmpty();
        assertThat(pageservers.asked("pg-in-use"))
                .contains(URI.create("http://demo-pageserver-0.demo-pageserver.pg-in-use.svc.cluster.local:9898"));
    }

    @Test
    void removingAPostgresMajorWhileThePageserverCannotBeAskedIsRefusedSayingWhy() {
        FakeKubelet kubelet = running("pg-down", "postgres: {versions: [14, 15], defaultVersion: 15}");
        operator.requests.drain();

        long generation = edit("pg-down", c -> c.getSpec().getPostgres().setVersions(List.of(15)));

        String message = condition(operator.awaitDegraded("pg-down", generation), ClusterConditions.DEGRADED).getMessage();
        assertThat(message).startsWith("spec.postgres.versions: cannot remove Postgres 14: could not ask the pageservers"
                + " which timelines use it: pageserver demo-pageserver-0: GET http://127.0.0.1:");
        operator.awaitReconciliations("pg-down", "demo", 2);
        assertThat(operator.objectWrites("pg-down")).isEmpty();
        assertThat(kubelet.deletions()).isEmpty();
    }

    @Test
    void removingAPostgresMajorFromAnAuthEnabledClusterWaitsForItsTokenSecretAndAsksWithTheToken() {
        FakeHttpServer pageserver = pageservers.serve("pg-auth", List.of(new TimelinePgVersion(TENANT, TIMELINE_15, 15)));
        FakeKubelet kubelet = running("pg-auth", "postgres: {versions: [14, 15], defaultVersion: 15}",
                "auth: {enabled: true, publicKeySecret: neon-keys, apiTokenSecret: pageserver-token}");

        long generation = edit("pg-auth", c -> c.getSpec().getPostgres().setVersions(List.of(15)));

        String message = condition(operator.awaitDegraded("pg-auth", generation), ClusterConditions.DEGRADED).getMessage();
        assertThat(message).isEqualTo("spec.postgres.versions: cannot remove Postgres 14: could not ask the pageservers"
                + " which timelines use it: spec.auth.apiTokenSecret: Secret pg-auth/pageserver-token does not exist");
        assertThat(pageservers.asked("pg-auth")).isEmpty();

        client.secrets().inNamespace("pg-auth").resource(
                SecretFixtures.secret("pageserver-token", "token", base64("header.payload.signature\n"))).create();

        NeonClusterStatus done = operator.awaitRunning("pg-auth", generation);
        assertThat(done.getPostgres().getVersions()).containsExactly(15);
        assertThat(names(kubelet.deletions())).containsExactly("demo-pageserver-0");
        assertThat(pageserver.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer header.payload.signature"));
    }

    @Test
    void removingAPostgresMajorNoTimelineUsesRollsThePageserver() {
        pageservers.serve("pg-unused", List.of(new TimelinePgVersion(TENANT, TIMELINE_15, 15)));
        FakeKubelet kubelet = running("pg-unused", "postgres: {versions: [14, 15], defaultVersion: 15}");

        long generation = edit("pg-unused", c -> c.getSpec().getPostgres().setVersions(List.of(15)));

        NeonClusterStatus done = operator.awaitRunning("pg-unused", generation);
        assertThat(done.getPostgres().getVersions()).containsExactly(15);
        assertThat(names(kubelet.deletions())).containsExactly("demo-pageserver-0");
        assertThat(pageservers.asked("pg-unused")).isNotEmpty();
    }

    @Test
    void addingAPostgresMajorRollsThePageserverOnly() {
        FakeKubelet kubelet = running("pg-add", "postgres: {versions: [14], defaultVersion: 14}");

        long generation = edit("pg-add", c -> c.getSpec().getPostgres().setVersions(List.of(14, 15)));

        NeonClusterStatus done = operator.awaitRunning("pg-add", generation);
        assertThat(done.getPostgres().getVersions()).containsExactly(14, 15);
        assertThat(names(kubelet.deletions())).containsExactly("demo-pageserver-0");
        assertThat(restartEvents("pg-add")).singleElement()
                .satisfies(e -> assertThat(e.getNote()).contains("Postgres versions 14 -> 14,15"));
        assertThat(pageservers.asked("pg-add")).isEmpty();
    }

    @Test
    void changingOnlyTheDefaultPostgresVersionRestartsNothing() {
        FakeKubelet kubelet = running("pg-default", "postgres: {versions: [14, 15], defaultVersion: 15}");
        operator.requests.drain();

        long generation = edit("pg-default", c -> c.getSpec().getPostgres().setDefaultVersion(14));

        NeonClusterStatus done = operator.awaitRunning("pg-default", generation);
        assertThat(done.getPostgres().getDefaultVersion()).isEqualTo(14);
        assertThat(done.getUpgrade()).isNull();
        operator.awaitReconciliations("pg-default", "demo", 2);
        assertThat(operator.objectWrites("pg-default")).isEmpty();
        assertThat(kubelet.deletions()).isEmpty();
        assertThat(pageservers.asked("pg-default")).isEmpty();
    }
}

package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.status.NodeHealth;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.FakeKubelet;
import io.neonops.operator.testing.FakeSafekeepers;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Poll;
import io.neonops.operator.testing.Started;
import io.neonops.operator.upgrade.RollStep;
import io.neonops.safekeeper.api.TenantTimelineId;
import io.neonops.storage.common.Lsn;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Safekeeper restarts that wait for the other safekeepers to catch up on the WAL, by the real operator against the
 * mock API server, a fake kubelet and fake safekeepers that serve per-timeline LSNs a test holds back and releases.
 */
@EnableKubernetesMockClient(crud = true)
class SafekeeperCatchUpOperatorTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    static final String NEW_IMAGE = "neondatabase/neon:4300";
    static final Duration READY_AFTER = Duration.ofMillis(200);
    static final TenantTimelineId TIMELINE = TenantTimelineId.of("de200bd42b49cc1814412c7e592dd6e9",
            "1f2e3d4c5b6a79880123456789abcdef");
    static final Lsn COMMIT = Lsn.parse("0/16B9188");
    static final Lsn BEHIND = Lsn.parse("0/16B5A50");
    static final String MODERN = ClusterFixtures.demo("storageBroker: {}", "storageController: {}",
            "remoteStorage: {bucket: b, region: r}", "postgres: {versions: [16, 17]}");
    static final List<String> SAFEKEEPERS = List.of("demo-safekeeper-0", "demo-safekeeper-1", "demo-safekeeper-2");

    @RegisterExtension
    final Started started = new Started(server, client);

    /** A kubelet for {@code namespace}, and an operator for it alone on {@code safekeepers}. */
    private OperatorHarness operator(String namespace, FakeSafekeepers safekeepers) {
        return started.closeLater(OperatorHarness.start(server, client, Set.of(namespace), safekeepers,
                OperatorHarness.RESYNC));
    }

    private FakeKubelet kubelet(String namespace) {
        return started.closeLater(FakeKubelet.start(client, namespace, READY_AFTER, pod -> false));
    }

    /** Every safekeeper holds the timeline up to the commit LSN, but {@code lagging}, which is behind. */
    private static void holdBack(FakeSafekeepers safekeepers, String namespace, String lagging) {
        SAFEKEEPERS.forEach(pod -> safekeepers.of(namespace, pod).holds(TIMELINE, COMMIT, COMMIT));
        safekeepers.of(namespace, lagging).holds(TIMELINE, BEHIND, BEHIND);
    }

    private static NeonClusterStatus awaitStep(OperatorHarness operator, String namespace, String step) {
        return operator.awaitStatus(namespace, "demo", "step " + step,
                s -> s.getUpgrade() != null && step.equals(s.getUpgrade().getStep()));
    }

    private static long newImage(OperatorHarness operator, String namespace) {
        return operator.editSpec(namespace, c -> c.getSpec().setImage(NEW_IMAGE)).getMetadata().getGeneration();
    }

    private static List<String> deleted(FakeKubelet kubelet) {
        return kubelet.deletions().stream().map(FakeKubelet.Deletion::pod).toList();
    }

    @Test
    void aLaggingSafekeeperHoldsTheRollBeforeTheNextSafekeeperUntilItCatchesUp() {
        String ns = "catchup-hold";
        FakeSafekeepers safekeepers = started.closeLater(FakeSafekeepers.start());
        holdBack(safekeepers, ns, "demo-safekeeper-2");
        FakeKubelet kubelet = kubelet(ns);
        OperatorHarness operator = operator(ns, safekeepers);
        operator.create(ns, ClusterFixtures.demo());
        operator.awaitRunning(ns);

        long generation = newImage(operator, ns);

        NeonClusterStatus waiting = awaitStep(operator, ns, "waiting for demo-safekeeper-2 to catch up on " + TIMELINE);
        assertThat(waiting.getUpgrade().getCurrentPod()).isEqualTo("demo-safekeeper-0");
        assertThat(waiting.getUpgrade().getWaitingSince()).isNotNull();
        assertThat(condition(waiting, ClusterConditions.PROGRESSING).getStatus()).isEqualTo(ClusterConditions.TRUE);
        assertThat(condition(waiting, ClusterConditions.PROGRESSING).getMessage()).startsWith("not restarting pod"
                + " demo-safekeeper-0 yet: waiting for demo-safekeeper-2 to catch up on " + TIMELINE
                + ": demo-safekeeper-2 has not flushed the timeline's WAL up to the commit LSN of demo-safekeeper-0");
        assertThat(condition(waiting, ClusterConditions.DEGRADED).getStatus()).isEqualTo(ClusterConditions.FALSE);
        assertThat(deleted(kubelet)).doesNotContainAnyElementsOf(SAFEKEEPERS);
        // a 2022 release publishes its positions only as gauges
        assertThat(safekeepers.of(ns, "demo-safekeeper-0").paths()).contains("/metrics")
                .doesNotContain("/v1/tenant/timeline");
        operator.awaitReconciliations(ns, "demo", 1);
        operator.requests.drain();
        operator.awaitReconciliations(ns, "demo", 2);
        assertThat(operator.operatorWrites(ns)).as("writes while waiting, the WAL positions unchanged").isEmpty();

        safekeepers.of(ns, "demo-safekeeper-2").silence();
        NeonClusterStatus silent = operator.awaitStatus(ns, "demo", "the silent safekeeper named",
                s -> condition(s, ClusterConditions.PROGRESSING).getMessage().contains("demo-safekeeper-2 does not answer"));
        assertThat(silent.getUpgrade().getWaitingSince()).isEqualTo(waiting.getUpgrade().getWaitingSince());
        assertThat(deleted(kubelet)).doesNotContainAnyElementsOf(SAFEKEEPERS);

        safekeepers.of(ns, "demo-safekeeper-2").holds(TIMELINE, COMMIT, COMMIT).answer();

        NeonClusterStatus done = operator.awaitRunning(ns, generation);
        assertThat(done.getUpgrade()).isNull();
        assertThat(deleted(kubelet)).containsSubsequence(SAFEKEEPERS).contains("demo-pageserver-0");
    }

    /**
     * The wait's start lives in the status, so that an operator started while another one waited keeps counting from
     * there: the halt names the first operator's start, not the second one's.
     */
    @Test
    void aSafekeeperThatDoesNotCatchUpInTimeHaltsTheRollWithDegradedCountedAcrossAnOperatorRestart() {
        String ns = "catchup-timeout";
        FakeSafekeepers safekeepers = started.closeLater(FakeSafekeepers.start());
        holdBack(safekeepers, ns, "demo-safekeeper-1");
        FakeKubelet kubelet = kubelet(ns);
        OperatorHarness first = OperatorHarness.start(server, client, Set.of(ns), safekeepers, OperatorHarness.RESYNC);
        String since;
        long generation;
        try (first) {
            first.create(ns, ClusterFixtures.demo("upgrade: {safekeeperCatchUpTimeoutSeconds: 10}"));
            first.awaitRunning(ns);
            generation = newImage(first, ns);
            since = awaitStep(first, ns, "waiting for demo-safekeeper-1 to catch up on " + TIMELINE)
                    .getUpgrade().getWaitingSince();
        }
        OperatorHarness second = operator(ns, safekeepers);

        NeonClusterStatus halted = second.awaitDegraded(ns, generation);

        assertThat(condition(halted, ClusterConditions.DEGRADED).getReason()).isEqualTo(RollStep.CatchUpTimedOut.REASON);
        assertThat(condition(halted, ClusterConditions.DEGRADED).getMessage()).isEqualTo("not restarting pod"
                + " demo-safekeeper-0: waited from " + since + " for 10s for demo-safekeeper-1 to catch up on " + TIMELINE
                + ": demo-safekeeper-1 has not flushed the timeline's WAL up to the commit LSN of demo-safekeeper-0;"
                + " no further pod is restarted until they catch up or the spec is fixed");
        assertThat(condition(halted, ClusterConditions.PROGRESSING).getStatus()).isEqualTo(ClusterConditions.FALSE);
        assertThat(halted.getUpgrade().getWaitingSince()).isEqualTo(since);
        assertThat(halted.getUpgrade().getStep()).isEqualTo("halted: waited too long for demo-safekeeper-1 to catch up on "
                + TIMELINE);
        assertThat(deleted(kubelet)).doesNotContainAnyElementsOf(SAFEKEEPERS);
        Poll.until("a Warning Event naming the timeline", () -> second.events(ns).stream().anyMatch(e ->
                "Warning".equals(e.getType()) && RollStep.CatchUpTimedOut.REASON.equals(e.getReason())
                        && e.getNote().contains(TIMELINE.toString())));

        safekeepers.of(ns, "demo-safekeeper-1").holds(TIMELINE, COMMIT, COMMIT);

        NeonClusterStatus done = second.awaitRunning(ns, generation);
        assertThat(condition(done, ClusterConditions.DEGRADED).getStatus()).isEqualTo(ClusterConditions.FALSE);
        assertThat(deleted(kubelet)).containsSubsequence(SAFEKEEPERS);
    }

    @Test
    void aModernClusterReadsEachTimelinesStatusAndWaitsForTheLaggingSafekeeper() {
        String ns = "catchup-modern";
        FakeSafekeepers safekeepers = started.closeLater(FakeSafekeepers.start());
        holdBack(safekeepers, ns, "demo-safekeeper-2");
        FakeKubelet kubelet = kubelet(ns);
        OperatorHarness operator = operator(ns, safekeepers);
        operator.create(ns, MODERN);
        Poll.until("every pod of the modern cluster Ready", () -> client.pods().inNamespace(ns).list().getItems().stream()
                .filter(NodeHealth::isReady).count() == NeonClusterOperatorTest.MODERN_PODS.size());

        newImage(operator, ns);

        awaitStep(operator, ns, "waiting for demo-safekeeper-2 to catch up on " + TIMELINE);
        assertThat(safekeepers.of(ns, "demo-safekeeper-0").paths()).contains("/v1/tenant/timeline",
                "/v1/tenant/" + TIMELINE.tenantId() + "/timeline/" + TIMELINE.timelineId()).doesNotContain("/metrics");
        assertThat(deleted(kubelet)).doesNotContainAnyElementsOf(SAFEKEEPERS);

        safekeepers.of(ns, "demo-safekeeper-2").holds(TIMELINE, COMMIT, COMMIT);

        Poll.until("every safekeeper restarted", () -> deleted(kubelet).containsAll(SAFEKEEPERS));
        assertThat(deleted(kubelet)).containsSubsequence(SAFEKEEPERS);
    }

    @Test
    void noSafekeeperIsAskedWhileNoSafekeeperIsNextInARoll() {
        String ns = "catchup-idle";
        FakeSafekeepers safekeepers = started.closeLater(FakeSafekeepers.start());
        holdBack(safekeepers, ns, "demo-safekeeper-2");
        kubelet(ns);
        OperatorHarness operator = operator(ns, safekeepers);
        operator.create(ns, ClusterFixtures.demo());
        operator.awaitRunning(ns);

        operator.awaitReconciliations(ns, "demo", 3);

        assertThat(safekeepers.asked(ns)).isEmpty();
    }
}

package io.neonops.operator.status;

import static io.neonops.operator.testing.SpecFixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.neonops.controller.api.NodeAvailability;
import io.neonops.controller.api.NodeRegisterRequest;
import io.neonops.controller.api.NodeSchedulingPolicy;
import io.neonops.controller.api.PageserverNode;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.EtcdMembership;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.MemberCounts;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.cluster.RollingUpgradeStatus;
import io.neonops.operator.cluster.SoftwareVersion;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.resources.SpecHash;
import io.neonops.operator.testing.SpecFixtures;
import io.neonops.operator.storcon.ObservedStorageController;
import io.neonops.operator.upgrade.ObservedPod;
import io.neonops.operator.reconcile.ObservedCluster;
import io.neonops.operator.reconcile.ObservedPods;
import io.neonops.operator.upgrade.PodRef;
import io.neonops.operator.upgrade.RollStep;
import io.neonops.operator.upgrade.SpecSummary;
import io.neonops.operator.upgrade.UpgradeProgress;
import io.neonops.operator.upgrade.UpgradeStatus;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.PgMajorVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterStatusBuilderTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-01T00:05:00Z");
    private static final ClusterResources DESIRED = resources("");
    private static final PodRef PAGESERVER = new PodRef(Component.PAGESERVER, 0, "demo-pageserver-0");

    private static NeonCluster cluster(long generation, NeonClusterStatus status) {
        NeonCluster cluster = new NeonCluster();
        cluster.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("ns").withGeneration(generation)
                .withAnnotations(new HashMap<>()).build());
        cluster.setStatus(status);
        return cluster;
    }

    /** Every desired pod as it was created, Ready or not. */
    private static Map<String, Pod> pods(boolean ready) {
        return pods(DESIRED, ready);
    }

    private static Map<String, Pod> pods(ClusterResources resources, boolean ready) {
        Map<String, Pod> pods = new LinkedHashMap<>();
        for (Pod desired : resources.pods()) {
            PodStatusBuilder status = new PodStatusBuilder().withPhase(ready ? "Running" : "Pending");
            if (ready) {
                status.addNewCondition().withType("Ready").withStatus("True").endCondition();
            }
            // as stored: with a uid
            pods.put(desired.getMetadata().getName(), new PodBuilder(desired).editMetadata()
                    .withUid("uid-" + desired.getMetadata().getName()).endMetadata().withStatus(status.build()).build());
        }
        return pods;
    }

    /** The status of a cluster with no roll under way. */
    private static NeonClusterStatus accepted(NeonCluster cluster, ClusterResources desired, Map<String, Pod> pods,
                                              Instant now) {
        return accepted(cluster, desired, pods, new ObservedStorageController.NotRun(), now);
    }

    /** The status of a cluster with no roll under way, whose storage controller listed what {@code storageController} says. */
    private static NeonClusterStatus accepted(NeonCluster cluster, ClusterResources desired, Map<String, Pod> pods,
                                              ObservedStorageController storageController, Instant now) {
        return ClusterStatusBuilder.accepted(cluster, desired, pods, observed(desired, pods, storageController),
                storageController, new RollStep.UpToDate(), new UpgradeProgress(Optional.empty(), false), now);
    }

    /** The pods as the roll sees them. */
    private static List<ObservedPod> observed(ClusterResources desired, Map<String, Pod> pods,
                                              ObservedStorageController storageController) {
        return ObservedPods.of(desired, ObservedCluster.of(pods.values()), storageController, Set.of(), T0);
    }

    /** The status of a cluster whose pageserver the roll is at, with the old image {@code neon:0}. */
    private static NeonClusterStatus rolling(NeonCluster cluster, RollStep step, boolean progressing) {
        Map<String, Pod> pods = pods(true);
        pods.put("demo-pageserver-0", new PodBuilder(pods.get("demo-pageserver-0"))
                .editMetadata().addToAnnotations(SpecHash.ANNOTATION, "older").endMetadata().build());
        UpgradeStatus upgrade = new UpgradeStatus(Optional.of(new SpecSummary("neon:0", List.of(PgMajorVersion.V16))),
                SpecSummary.of(DESIRED.cluster()), step.currentPod().map(PodRef::name), Optional.of(step.stage()), 4, 5);
        ObservedStorageController none = new ObservedStorageController.NotRun();
        return ClusterStatusBuilder.accepted(cluster, DESIRED, pods, observed(DESIRED, pods, none), none, step,
                new UpgradeProgress(Optional.of(upgrade), progressing), T1);
    }

    private static Condition condition(NeonClusterStatus status, String type) {
        return ClusterConditions.find(status.getConditions(), type).orElseThrow();
    }

    @Test
    void podsJustCreatedArePendingAndNotReady() {
        NeonClusterStatus status = accepted(cluster(1, null), DESIRED, pods(false), T0);

        assertThat(status.getPhase()).isEqualTo(ClusterPhase.PENDING);
        assertThat(status.getObservedGeneration()).isEqualTo(1);
        assertThat(status.getSafekeepers()).isEqualTo(new MemberCounts(3, 0, 3));
        assertThat(condition(status, ClusterConditions.READY).getStatus()).isEqualTo("False");
        assertThat(condition(status, ClusterConditions.READY).getMessage()).contains("demo-safekeeper-2");
        assertThat(condition(status, ClusterConditions.PROGRESSING).getStatus()).isEqualTo("True");
        assertThat(condition(status, ClusterConditions.DEGRADED).getStatus()).isEqualTo("False");
        assertThat(status.getImage()).isEqualTo("neon:1");
    }

    @Test
    void everyNodeReadyAndCurrentMakesTheClusterReadyForItsGeneration() {
        NeonClusterStatus status = accepted(cluster(4, null), DESIRED, pods(true), T0);

        assertThat(status.getPhase()).isEqualTo(ClusterPhase.RUNNING);
        Condition ready = condition(status, ClusterConditions.READY);
        assertThat(ready.getStatus()).isEqualTo("True");
        assertThat(ready.getObservedGeneration()).isEqualTo(4);
        assertThat(condition(status, ClusterConditions.PROGRESSING).getStatus()).isEqualTo("False");
        assertThat(status.getPostgres().getVersions()).containsExactly(PgMajorVersion.DEFAULT_PG_VERSION.major());
        assertThat(status.getPostgres().getDefaultVersion()).isEqualTo(PgMajorVersion.DEFAULT_PG_VERSION.major());
        assertThat(status.getEtcd()).isEqualTo(new MemberCounts(1, 1, 1));
    }

    @Test
    void missingPodsAreNeitherReadyNorCountedAsUpdated() {
        Map<String, Pod> pods = pods(true);
        pods.remove("demo-safekeeper-1");

        NeonClusterStatus status = accepted(cluster(1, null), DESIRED, pods, T0);

        assertThat(status.getSafekeepers()).isEqualTo(new MemberCounts(3, 2, 2));
        assertThat(status.getPhase()).isEqualTo(ClusterPhase.CREATING);
        assertThat(status.getImage()).isNull();
    }

    @Test
    void podsOfAnOlderSpecAreReportedAsOutdatedAndKeepTheRunningImage() {
        Map<String, Pod> pods = pods(true);
        pods.put("demo-pageserver-0", new PodBuilder(pods.get("demo-pageserver-0"))
                .editMetadata().addToAnnotations(SpecHash.ANNOTATION, "older").endMetadata().build());
        ClusterResources older = resources("image: neon:0\n");
        NeonClusterStatus previous = accepted(cluster(1, null), older, pods(older, true), T0);

        NeonClusterStatus status = accepted(cluster(2, previous), DESIRED, pods, T1);

        assertThat(status.getPhase()).isEqualTo(ClusterPhase.UPGRADING);
        assertThat(status.getPageserver()).isEqualTo(new MemberCounts(1, 1, 0));
        assertThat(condition(status, ClusterConditions.READY).getReason()).isEqualTo(ClusterStatusBuilder.NODES_OUTDATED);
        assertThat(condition(status, ClusterConditions.READY).getMessage()).contains("demo-pageserver-0");
        assertThat(status.getImage()).isEqualTo("neon:0");
    }

    @Test
    void unchangedClusterGetsAnEqualStatusWhateverTheTime() {
        NeonClusterStatus first = accepted(cluster(1, null), DESIRED, pods(true), T0);

        NeonClusterStatus second = accepted(cluster(1, first), DESIRED, pods(true), T1);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void transitionTimeMovesOnlyWhenAConditionChangesStatus() {
        NeonClusterStatus notReady = accepted(cluster(1, null), DESIRED, pods(false), T0);

        NeonClusterStatus ready = accepted(cluster(1, notReady), DESIRED, pods(true), T1);

        assertThat(condition(ready, ClusterConditions.READY).getLastTransitionTime()).isEqualTo(T1.toString());
        assertThat(condition(ready, ClusterConditions.DEGRADED).getLastTransitionTime()).isEqualTo(T0.toString());
    }

    @Test
    void refusedSpecIsDegradedForItsGenerationAndKeepsWhatRuns() {
        NeonClusterStatus running = accepted(cluster(1, null), DESIRED, pods(true), T0);
        Refusal refusal = new Refusal(Refusal.INVALID_SPEC, "spec.etcd.replicas: must be odd");

        NeonClusterStatus status = ClusterStatusBuilder.refused(cluster(2, running), refusal, T1);

        assertThat(status.getPhase()).isEqualTo(ClusterPhase.DEGRADED);
        assertThat(status.getObservedGeneration()).isEqualTo(2);
        Condition degraded = condition(status, ClusterConditions.DEGRADED);
        assertThat(degraded.getStatus()).isEqualTo("True");
        assertThat(degraded.getReason()).isEqualTo(Refusal.INVALID_SPEC);
        assertThat(degraded.getMessage()).isEqualTo("spec.etcd.replicas: must be odd");
        assertThat(condition(status, ClusterConditions.READY).getStatus()).isEqualTo("False");
        assertThat(condition(status, ClusterConditions.READY).getObservedGeneration()).isEqualTo(2);
        assertThat(status.getSafekeepers()).isEqualTo(running.getSafekeepers());
        assertThat(status.getImage()).isEqualTo(running.getImage());
    }

    @Test
    void problemsOfAnAcceptedSpecMakeItDegradedNamingEveryOneKeepingWhatRuns() {
        NeonClusterStatus running = accepted(cluster(1, null), DESIRED, pods(true), T0);
        Refusal lost = new Refusal(Refusal.VOLUME_LOST, "data volume demo-etcd-0-data is gone");
        Refusal refused = new Refusal(Refusal.WRITE_FAILED, "creating Pod demo-etcd-1 failed (HTTP 403): quota");

        NeonClusterStatus status = ClusterStatusBuilder.troubled(running, running, List.of(lost, refused), T1);

        String message = lost.message() + "; " + refused.message();
        assertThat(status.getConditions()).extracting(Condition::getType, Condition::getStatus, Condition::getReason,
                Condition::getMessage).containsExactlyInAnyOrder(
                tuple(ClusterConditions.READY, "False", Refusal.VOLUME_LOST, message),
                tuple(ClusterConditions.PROGRESSING, "False", ClusterStatusBuilder.RECONCILED, "nothing left to do"),
                tuple(ClusterConditions.DEGRADED, "True", Refusal.VOLUME_LOST, message));
        assertThat(List.of(status.getPhase(), status.getEtcd(), status.getEtcdBootstrapMembers()))
                .containsExactly(ClusterPhase.DEGRADED, running.getEtcd(), running.getEtcdBootstrapMembers());
        assertThat(ClusterStatusBuilder.troubled(running, running, List.of(), T1)).isEqualTo(running);
    }

    @Test
    void problemsThatLastKeepTheirTransitionTimesSoTheStatusDoesNotChange() {
        NeonClusterStatus running = accepted(cluster(1, null), DESIRED, pods(true), T0);
        List<Refusal> problems = List.of(new Refusal(Refusal.VOLUME_LOST, "data volume demo-etcd-0-data is gone"));
        NeonClusterStatus troubled = ClusterStatusBuilder.troubled(running, running, problems, T0);

        NeonClusterStatus again = ClusterStatusBuilder.troubled(troubled,
                accepted(cluster(1, troubled), DESIRED, pods(true), T1), problems, T1);

        assertThat(again).isEqualTo(troubled);
    }

    @Test
    void aWaitingStepSaysWhatItWaitsForWhileTheClusterProgresses() {
        NeonClusterStatus creating = accepted(cluster(1, null), DESIRED, pods(false), T0);
        NeonClusterStatus halted = rolling(cluster(2, null), new RollStep.Halted(PAGESERVER, T0, Duration.ofSeconds(10)), false);

        NeonClusterStatus waiting = ClusterStatusBuilder.waiting(creating, ClusterStatusBuilder.ETCD_MEMBER_JOINING,
                "etcd member demo-etcd-1 joins once demo-etcd-0 is Ready", T1);

        Condition progressing = condition(waiting, ClusterConditions.PROGRESSING);
        assertThat(progressing.getReason()).isEqualTo(ClusterStatusBuilder.ETCD_MEMBER_JOINING);
        assertThat(progressing.getMessage()).isEqualTo("etcd member demo-etcd-1 joins once demo-etcd-0 is Ready");
        assertThat(progressing.getLastTransitionTime()).isEqualTo(T0.toString());
        assertThat(condition(creating, ClusterConditions.PROGRESSING).getReason()).isEqualTo(ClusterStatusBuilder.NODES_NOT_READY);
        assertThat(ClusterStatusBuilder.waiting(halted, ClusterStatusBuilder.ETCD_MEMBER_JOINING, "joins later", T1))
                .isEqualTo(halted);
    }

    @Test
    void theStatusShowsHowManyEtcdMembersBootstrappedTheCluster() {
        ClusterResources grown = ClusterResources.build(DESIRED.cluster(), new EtcdMembership(1), SpecFixtures.OWNER,
                KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN);

        assertThat(accepted(cluster(1, null), DESIRED, pods(true), T0).getEtcdBootstrapMembers()).isEqualTo(1);
        assertThat(accepted(cluster(1, null), resources("etcd: {replicas: 3}"), pods(true), T0).getEtcdBootstrapMembers())
                .isEqualTo(3);
        assertThat(accepted(cluster(1, null), grown, pods(true), T0).getEtcdBootstrapMembers()).isEqualTo(1);
    }

    @Test
    void pauseIsShownOnceAndThenLeavesTheStatusAlone() {
        NeonClusterStatus running = accepted(cluster(1, null), DESIRED, pods(true), T0);

        NeonClusterStatus paused = ClusterStatusBuilder.paused(cluster(2, running), T1);
        NeonClusterStatus again = ClusterStatusBuilder.paused(cluster(3, paused), T1.plusSeconds(60));

        assertThat(paused.getPhase()).isEqualTo(ClusterPhase.PAUSED);
        assertThat(paused.getObservedGeneration()).isEqualTo(1);
        assertThat(condition(paused, ClusterConditions.PROGRESSING).getReason()).isEqualTo(ClusterStatusBuilder.PAUSED);
        assertThat(again).isEqualTo(paused);
    }

    @Test
    void aRollInProgressShowsFromToTheCurrentPodAndProgressing() {
        RollStep.Restart restart = new RollStep.Restart(PAGESERVER, "image neon:0 -> neon:1");

        NeonClusterStatus status = rolling(cluster(2, null), restart, true);

        assertThat(status.getPhase()).isEqualTo(ClusterPhase.UPGRADING);
        RollingUpgradeStatus upgrade = status.getUpgrade();
        assertThat(upgrade.getFrom()).isEqualTo(new SoftwareVersion("neon:0", List.of(16)));
        assertThat(upgrade.getTo().getImage()).isEqualTo("neon:1");
        assertThat(upgrade.getCurrentPod()).isEqualTo("demo-pageserver-0");
        assertThat(upgrade.getUpdatedPods()).isEqualTo(4);
        assertThat(upgrade.getTotalPods()).isEqualTo(5);
        Condition progressing = condition(status, ClusterConditions.PROGRESSING);
        assertThat(progressing.getStatus()).isEqualTo("True");
        assertThat(progressing.getReason()).isEqualTo(ClusterStatusBuilder.ROLLING_UPGRADE);
        assertThat(progressing.getMessage()).isEqualTo(restart.message());
        assertThat(condition(status, ClusterConditions.DEGRADED).getStatus()).isEqualTo("False");
    }

    @Test
    void aHaltedRollIsDegradedNamingThePodAndNotProgressing() {
        RollStep.Halted halted = new RollStep.Halted(PAGESERVER, T0, Duration.ofMinutes(10));

        NeonClusterStatus status = rolling(cluster(2, null), halted, false);

        assertThat(status.getPhase()).isEqualTo(ClusterPhase.DEGRADED);
        Condition degraded = condition(status, ClusterConditions.DEGRADED);
        assertThat(degraded.getStatus()).isEqualTo("True");
        assertThat(degraded.getReason()).isEqualTo(ClusterStatusBuilder.ROLL_HALTED);
        assertThat(degraded.getMessage()).contains("demo-pageserver-0").isEqualTo(halted.message());
        assertThat(condition(status, ClusterConditions.PROGRESSING).getStatus()).isEqualTo("False");
        assertThat(status.getUpgrade().getCurrentPod()).isEqualTo("demo-pageserver-0");
    }

    @Test
    void theUpgradeIsClearedOnceTheRollIsDone() {
        NeonClusterStatus midRoll = rolling(cluster(2, null), new RollStep.Restart(PAGESERVER, "image"), true);

        NeonClusterStatus done = accepted(cluster(2, midRoll), DESIRED, pods(true), T1);

        assertThat(done.getUpgrade()).isNull();
        assertThat(done.getPhase()).isEqualTo(ClusterPhase.RUNNING);
        assertThat(done.getImage()).isEqualTo("neon:1");
    }

    @Test
    void aRefusedSpecKeepsTheUpgradeAsItWas() {
        NeonClusterStatus midRoll = rolling(cluster(2, null), new RollStep.Restart(PAGESERVER, "image"), true);

        NeonClusterStatus refused = ClusterStatusBuilder.refused(cluster(3, midRoll),
                new Refusal(Refusal.POSTGRES_VERSION_IN_USE, "spec.postgres.versions: in use"), T1);

        assertThat(refused.getUpgrade()).isEqualTo(midRoll.getUpgrade());
    }

    private static final ClusterResources MODERN = resources(SpecFixtures.MODERN);

    private static ObservedStorageController listing(NodeAvailability... pageservers) {
        List<PageserverNode> nodes = new ArrayList<>();
        for (int i = 0; i < pageservers.length; i++) {
            nodes.add(PageserverNode.registered(new NodeRegisterRequest(NodeId.of(i + 1L), "ps-" + i, 6400,
                    Optional.empty(), Optional.empty(), "ps-" + i, 9898, Optional.empty(), "zone-1", Optional.empty()),
                    pageservers[i], NodeSchedulingPolicy.ACTIVE));
        }
        return ObservedStorageController.listed(nodes, List.of());
    }

    @Test
    void aModernClusterCountsItsBrokerStorageControllerAndDatabase() {
        NeonClusterStatus status = accepted(cluster(1, null), MODERN, pods(MODERN, true),
                listing(NodeAvailability.ACTIVE), T0);

        assertThat(status.getPhase()).isEqualTo(ClusterPhase.RUNNING);
        assertThat(status.getStorageBroker()).isEqualTo(new MemberCounts(1, 1, 1));
        assertThat(status.getStorageController()).isEqualTo(new MemberCounts(1, 1, 1));
        assertThat(status.getStorageControllerDatabase()).isEqualTo(new MemberCounts(1, 1, 1));
        assertThat(status.getPageserver()).isEqualTo(new MemberCounts(1, 1, 1));
        assertThat(status.getEtcd()).isNull();
    }

    @Test
    void aReadyPageserverPodTheStorageControllerHasNotRegisteredKeepsTheClusterFromReady() {
        NeonClusterStatus status = accepted(cluster(1, null), MODERN, pods(MODERN, true), listing(), T0);

        assertThat(status.getPageserver()).isEqualTo(new MemberCounts(1, 0, 1));
        assertThat(status.getPhase()).isEqualTo(ClusterPhase.CREATING);
        Condition ready = condition(status, ClusterConditions.READY);
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo(ClusterStatusBuilder.PAGESERVER_REGISTRATION);
        assertThat(ready.getMessage()).isEqualTo("waiting for the storage controller to list the pageservers Active: "
                + "demo-pageserver-0 (node 1 not registered)");
        assertThat(condition(status, ClusterConditions.PROGRESSING).getReason())
                .isEqualTo(ClusterStatusBuilder.PAGESERVER_REGISTRATION);
    }

    @Test
    void anOfflinePageserverCountsNotReadyAndSaysSo() {
        NeonClusterStatus status = accepted(cluster(1, null), MODERN, pods(MODERN, true),
                listing(NodeAvailability.OFFLINE), T0);

        assertThat(status.getPageserver().getReady()).isZero();
        assertThat(condition(status, ClusterConditions.READY).getMessage()).endsWith("demo-pageserver-0 (node 1 Offline)");
    }

    @Test
    void podsNotReadyAreReportedAsSuchEvenBesideAPageserverAwaitingRegistration() {
        Map<String, Pod> pods = pods(MODERN, true);
        pods.putAll(Map.of("demo-safekeeper-0", pods(MODERN, false).get("demo-safekeeper-0")));

        NeonClusterStatus status = accepted(cluster(1, null), MODERN, pods, listing(), T0);

        assertThat(condition(status, ClusterConditions.READY).getReason()).isEqualTo(ClusterStatusBuilder.NODES_NOT_READY);
        assertThat(condition(status, ClusterConditions.READY).getMessage())
                .isEqualTo("waiting for nodes to become ready: demo-safekeeper-0, demo-pageserver-0");
    }

    @Test
    void theRegisteredSafekeepersAreCountedBesideTheOtherCounts() {
        NeonClusterStatus status = accepted(cluster(1, null), MODERN, pods(MODERN, true),
                listing(NodeAvailability.ACTIVE), T0);

        NeonClusterStatus counted = ClusterStatusBuilder.withRegisteredSafekeepers(status, 2);

        assertThat(counted.getSafekeepers()).isEqualTo(new MemberCounts(3, 3, 3).withRegistered(2));
        assertThat(counted.getSafekeepers().getRegistered()).isEqualTo(2);
        assertThat(status.getSafekeepers().getRegistered()).isNull();
        assertThat(ClusterStatusBuilder.withRegisteredSafekeepers(counted, null).getSafekeepers())
                .isEqualTo(new MemberCounts(3, 3, 3));
    }
}

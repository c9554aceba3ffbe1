package io.neonops.operator.upgrade;

import static io.neonops.operator.upgrade.Clusters.NOW;
import static io.neonops.operator.upgrade.Clusters.OLD;
import static io.neonops.operator.upgrade.Clusters.OLD_HASH;
import static io.neonops.operator.upgrade.Clusters.TIMEOUT;
import static io.neonops.operator.upgrade.Clusters.demo;
import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.controlplane.component.Component;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollingUpgradePlannerTest {

    @Test
    void rollsEtcdThenSafekeepersThenPageserversEachByIndex() {
        Clusters cluster = demo(3, 3, 2);

        Kubelet.Roll roll = Kubelet.roll(cluster.pods(), cluster.desiredSpec(), NOW);

        assertThat(roll.restarted()).containsExactly(
                "demo-etcd-0", "demo-etcd-1", "demo-etcd-2",
                "demo-safekeeper-0", "demo-safekeeper-1", "demo-safekeeper-2",
                "demo-pageserver-0", "demo-pageserver-1");
        assertThat(roll.end()).allSatisfy(p -> assertThat(p.updated() && p.serving()).isTrue());
    }

    @Test
    void restartNamesWhatChanged() {
        assertThat(demo(1, 3, 1).next()).isEqualTo(new RollStep.Restart(Clusters.ref(Component.ETCD, 0),
                "image neondatabase/neon:4270 -> neondatabase/neon:4300, Postgres versions 16 -> 16,17"));
    }

    @Test
    void restartForAChangeOutsideImageAndVersionsNamesTheSpecHashes() {
        Clusters cluster = demo(1, 3, 1).desire("config-changed", OLD);

        assertThat(cluster.next()).isEqualTo(new RollStep.Restart(Clusters.ref(Component.ETCD, 0),
                "pod spec changed (spec hash old -> config-changed)"));
    }

    @Test
    void waitsForTheRestartedPodToBeReadyOnTheNewSpecBeforeTheNext() {
        Clusters cluster = demo(3, 3, 1).restarted("demo-etcd-0", Duration.ofMinutes(1));

        assertThat(cluster.next()).isEqualTo(new RollStep.WaitForReady(Clusters.ref(Component.ETCD, 0),
                NOW.minus(Duration.ofMinutes(1)).plus(TIMEOUT)));
    }

    @Test
    void waitsWhileAPodIsBeingDeletedOrNotYetRecreated() {
        assertThat(demo(3, 3, 1).deleting("demo-etcd-0").next())
                .isEqualTo(new RollStep.WaitForRecreate(Clusters.ref(Component.ETCD, 0)));
        assertThat(demo(3, 3, 1).updated("demo-etcd-0").missing("demo-etcd-1").next())
                .isEqualTo(new RollStep.WaitForRecreate(Clusters.ref(Component.ETCD, 1)));
    }

    @Test
    void haltsNamingThePodWhenItIsNotReadyWithinTheTimeout() {
        Clusters cluster = demo(3, 3, 1).updated("demo-etcd-0", "demo-etcd-1", "demo-etcd-2")
                .restarted("demo-safekeeper-1", Duration.ofMinutes(12).plusSeconds(5));

        RollStep step = cluster.next();

        assertThat(step).isEqualTo(new RollStep.Halted(Clusters.ref(Component.SAFEKEEPER, 1),
                Instant.parse("2025-01-01T11:47:55Z"), TIMEOUT));
        assertThat(step.message()).isEqualTo("pod demo-safekeeper-1 was created on the new spec at 2025-01-01T11:47:55Z"
                + " and was not Ready within 10m: no further pod is restarted until it is Ready or the spec is fixed");
    }

    @Test
    void haltsExactlyAtTheDeadline() {
        assertThat(demo(1, 3, 1).restarted("demo-etcd-0", TIMEOUT).next()).isInstanceOf(RollStep.Halted.class);
        assertThat(demo(1, 3, 1).restarted("demo-etcd-0", TIMEOUT.minusSeconds(1)).next()).isInstanceOf(RollStep.WaitForReady.class);
    }

    @Test
    void aHaltedPodIsReportedBeforeAnEarlierPodStillWithinItsTime() {
        Clusters cluster = demo(3, 3, 1).deleting("demo-etcd-0").restarted("demo-pageserver-0", Duration.ofHours(1));

        assertThat(cluster.next()).isInstanceOf(RollStep.Halted.class)
                .extracting(step -> step.currentPod().orElseThrow().name()).isEqualTo("demo-pageserver-0");
    }

    @Test
    void resumesWithTheNextPodOnceTheHaltedPodRecovers() {
        Clusters cluster = demo(3, 3, 1).updated("demo-etcd-0", "demo-etcd-1", "demo-etcd-2")
                .restarted("demo-safekeeper-1", Duration.ofHours(1))
                .ready("demo-safekeeper-1");

        assertThat(cluster.next()).isInstanceOf(RollStep.Restart.class)
                .extracting(step -> step.currentPod().orElseThrow().name()).isEqualTo("demo-safekeeper-0");
    }

    @Test
    void rollingBackRestartsOnlyThePodsOnTheAbandonedSpec() {
        Clusters cluster = demo(3, 3, 1).updated("demo-etcd-0")
                .restarted("demo-etcd-1", Duration.ofHours(1))
                .desire(OLD_HASH, OLD);

        assertThat(cluster.next()).isEqualTo(new RollStep.Restart(Clusters.ref(Component.ETCD, 1),
                "image neondatabase/neon:4300 -> neondatabase/neon:4270, Postgres versions 16,17 -> 16"));
        Kubelet.Roll roll = Kubelet.roll(cluster.pods(), OLD, NOW);
        assertThat(roll.restarted()).containsExactly("demo-etcd-1", "demo-etcd-0");
        assertThat(roll.end()).allSatisfy(p -> assertThat(p.currentSpecHash()).isEqualTo(OLD_HASH));
    }

    @Test
    void resumesAfterAnOperatorRestartWithThePodsStillOnTheOldSpec() {
        Clusters cluster = demo(3, 3, 2).updated("demo-etcd-0", "demo-etcd-1", "demo-etcd-2", "demo-safekeeper-0");

        Kubelet.Roll roll = Kubelet.roll(cluster.pods(), cluster.desiredSpec(), NOW);

        assertThat(roll.restarted()).containsExactly(
                "demo-safekeeper-1", "demo-safekeeper-2", "demo-pageserver-0", "demo-pageserver-1");
    }

    @Test
    void neverRestartsAPodAlreadyOnTheDesiredSpec() {
        Clusters cluster = demo(3, 3, 1).updated(
                "demo-etcd-0", "demo-etcd-1", "demo-etcd-2", "demo-safekeeper-0", "demo-safekeeper-1", "demo-safekeeper-2",
                "demo-pageserver-0");

        assertThat(cluster.next()).isEqualTo(new RollStep.UpToDate());
    }

    @Test
    void restartsAnOutdatedPodThatIsNotReadyBeforeTheReadyOnes() {
        Clusters cluster = demo(3, 3, 1).notReady("demo-etcd-2");

        assertThat(cluster.next()).isInstanceOf(RollStep.Restart.class)
                .extracting(step -> step.currentPod().orElseThrow().name()).isEqualTo("demo-etcd-2");
    }

    @Test
    void etcdWithThreeMembersIsBlockedWhenTwoAreNotReady() {
        Clusters cluster = demo(3, 3, 1).notReady("demo-etcd-1", "demo-etcd-2");

        assertThat(cluster.next()).isEqualTo(new RollStep.Blocked(Clusters.ref(Component.ETCD, 1),
                "etcd member demo-etcd-2 is not Ready: taking demo-etcd-1 down would leave 1 of 3 Ready, and quorum needs 2"));
    }

    @Test
    void etcdWithFiveMembersRestartsOneOfTwoDownMembersButNotOneOfThree() {
        assertThat(demo(5, 3, 1).notReady("demo-etcd-3", "demo-etcd-4").next()).isInstanceOf(RollStep.Restart.class)
                .extracting(step -> step.currentPod().orElseThrow().name()).isEqualTo("demo-etcd-3");
        assertThat(demo(5, 3, 1).notReady("demo-etcd-2", "demo-etcd-3", "demo-etcd-4").next()).isInstanceOf(RollStep.Blocked.class);
    }

    @Test
    void safekeeperWithThreeIsNotTakenDownWhileAnotherIsNotReady() {
        Clusters cluster = demo(1, 3, 1).updated("demo-etcd-0").notReady("demo-safekeeper-0", "demo-safekeeper-2");

        assertThat(cluster.next()).isEqualTo(new RollStep.Blocked(Clusters.ref(Component.SAFEKEEPER, 0),
                "safekeeper demo-safekeeper-2 is not Ready: taking demo-safekeeper-0 down would leave 1 of 3 Ready"));
    }

    @Test
    void safekeeperThatIsAloneInBeingNotReadyIsRestartedFirst() {
        Clusters cluster = demo(1, 3, 1).updated("demo-etcd-0").notReady("demo-safekeeper-2");

        assertThat(cluster.next()).isInstanceOf(RollStep.Restart.class)
                .extracting(step -> step.currentPod().orElseThrow().name()).isEqualTo("demo-safekeeper-2");
    }

    @Test
    void aBlockedSafekeeperHoldsBackThePageservers() {
        Clusters cluster = demo(1, 5, 1).updated("demo-etcd-0").notReady("demo-safekeeper-1", "demo-safekeeper-3");

        RollStep step = cluster.next();

        assertThat(step).isEqualTo(new RollStep.Blocked(Clusters.ref(Component.SAFEKEEPER, 1),
                "safekeeper demo-safekeeper-3 is not Ready: taking demo-safekeeper-1 down would leave 3 of 5 Ready"));
    }

    @Test
    void theStepDoesNotDependOnTheOrderPodsAreListedIn() {
        Clusters cluster = demo(3, 5, 2).updated("demo-etcd-0", "demo-etcd-1", "demo-etcd-2").notReady("demo-safekeeper-3");
        List<ObservedPod> reversed = new ArrayList<>(cluster.pods());
        Collections.reverse(reversed);

        assertThat(RollingUpgradePlanner.next(reversed, cluster.desiredSpec(), TIMEOUT, NOW)).isEqualTo(cluster.next());
    }
}

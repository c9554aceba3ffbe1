package io.neonops.operator.upgrade;

import static io.neonops.operator.upgrade.Clusters.NEW;
import static io.neonops.operator.upgrade.Clusters.NEW_HASH;
import static io.neonops.operator.upgrade.Clusters.NOW;
import static io.neonops.operator.upgrade.Clusters.OLD;
import static io.neonops.operator.upgrade.Clusters.OLD_HASH;
import static io.neonops.operator.upgrade.Clusters.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.controlplane.component.Component;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The planner's safety rules over generated cluster states: 1, 3 or 5 etcd members, 3..7 safekeepers,
 * 1..3 pageservers, each pod missing, terminating, Ready or not, on the old or the new spec hash, created
 * at any time up to twice the ready timeout ago. A per-cluster trouble level (how often a pod is not in
 * order) keeps healthy clusters, where the roll moves, as common as broken ones, where it must not.
 */
class RollingUpgradePlannerPropertyTest {

    /** The steps only {@link SafekeeperCatchUp#gate} turns a planned restart into: SafekeeperCatchUpPropertyTest reaches them. */
    private static final List<Class<?>> CATCH_UP_STEPS = List.of(RollStep.AwaitCatchUp.class, RollStep.CatchUpTimedOut.class);

    @Property
    void neverTakesDownASafekeeperWhileAnotherIsNotReady(@ForAll("anyCluster") List<ObservedPod> pods) {
        restarted(pods).filter(p -> p.pod().component() == Component.SAFEKEEPER).ifPresent(restarted ->
                assertThat(members(pods, Component.SAFEKEEPER))
                        .filteredOn(p -> !p.pod().equals(restarted.pod()))
                        .allMatch(ObservedPod::serving));
    }

    @Property
    void neverBreaksEtcdQuorum(@ForAll("anyCluster") List<ObservedPod> pods) {
        List<ObservedPod> etcd = members(pods, Component.ETCD);
        restarted(pods).filter(p -> p.pod().component() == Component.ETCD && etcd.size() > 1).ifPresent(restarted -> {
            long readyLeft = etcd.stream().filter(p -> !p.pod().equals(restarted.pod()) && p.serving()).count();
            assertThat(2 * readyLeft).isGreaterThan(etcd.size());
        });
    }

    @Property
    void neverRestartsAPodOnTheDesiredSpec(@ForAll("anyCluster") List<ObservedPod> pods) {
        restarted(pods).ifPresent(restarted -> assertThat(restarted.outdated()).isTrue());
    }

    @Property
    void restartsOnlyWhileNoOtherPodIsOnItsWay(@ForAll("anyCluster") List<ObservedPod> pods) {
        restarted(pods).ifPresent(restarted -> assertThat(pods).noneMatch(ObservedPod::inFlight));
    }

    @Property
    void restartsPageserversOnlyOnceEtcdAndSafekeepersAreUpdated(@ForAll("anyCluster") List<ObservedPod> pods) {
        restarted(pods).filter(p -> p.pod().component() == Component.PAGESERVER).ifPresent(restarted ->
                assertThat(pods).filteredOn(p -> p.pod().component() != Component.PAGESERVER).allMatch(ObservedPod::updated));
    }

    @Property
    void haltsOnlyOnAPodOnTheDesiredSpecNotReadyForTheTimeout(@ForAll("anyCluster") List<ObservedPod> pods) {
        RollStep step = RollingUpgradePlanner.next(pods, NEW, TIMEOUT, NOW);
        if (step instanceof RollStep.Halted halted) {
            ObservedPod pod = pods.stream().filter(p -> p.pod().equals(halted.pod())).findFirst().orElseThrow();
            assertThat(pod.updated() && !pod.ready() && !pod.deleting()).isTrue();
            assertThat(pod.createdAt().plus(TIMEOUT)).isBeforeOrEqualTo(NOW);
            assertThat(halted.message()).contains(pod.pod().name());
        }
    }

    @Property
    void theGeneratedClustersReachEveryKindOfStep(@ForAll("anyCluster") List<ObservedPod> pods) {
        RollStep step = RollingUpgradePlanner.next(pods, NEW, TIMEOUT, NOW);
        String kind = step.getClass().getSimpleName();
        Statistics.label("step").collect(kind);
        Statistics.label("restart or block").collect(step.currentPod()
                .filter(pod -> step instanceof RollStep.Restart || step instanceof RollStep.Blocked)
                .map(pod -> kind + " " + pod.component().id()).orElse("neither"));
        Statistics.label("step").coverage(coverage -> {
            // these clusters have no storage controller, so none of its steps; their safekeepers hold no timelines
            for (Class<?> stepKind : stepKinds(RollStep.class).filter(k -> !PageserverStep.class.isAssignableFrom(k))
                    .filter(k -> !CATCH_UP_STEPS.contains(k)).toList()) {
                coverage.check(stepKind.getSimpleName()).percentage(p -> p > 0.1);
            }
        });
        Statistics.label("restart or block").coverage(coverage -> {
            for (String reached : List.of("Restart etcd", "Restart safekeeper", "Restart pageserver", "Blocked etcd", "Blocked safekeeper")) {
                coverage.check(reached).percentage(p -> p > 0.1);
            }
        });
    }

    /** The records a sealed hierarchy of steps ends in. */
    static Stream<Class<?>> stepKinds(Class<?> type) {
        return type.isSealed() ? Arrays.stream(type.getPermittedSubclasses()).flatMap(RollingUpgradePlannerPropertyTest::stepKinds)
                : Stream.of(type);
    }

    @Property(tries = 300)
    void aHealthyClusterRollsToTheEndRestartingEachOutdatedPodOnce(@ForAll("healthyCluster") List<ObservedPod> pods) {
        List<String> outdated = pods.stream().filter(p -> p.outdated() && !p.deleting()).map(p -> p.pod().name()).toList();

        Kubelet.Roll roll = Kubelet.roll(pods, NEW, NOW);

        assertThat(roll.restarted()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(outdated);
        assertThat(roll.end()).allMatch(p -> p.updated() && p.serving());
    }

    @Provide
    Arbitrary<List<ObservedPod>> anyCluster() {
        return clusters(false);
    }

    @Provide
    Arbitrary<List<ObservedPod>> healthyCluster() {
        return clusters(true);
    }

    /** How often a generated pod is in each kind of trouble, in percent; one set per cluster. */
    private record Trouble(int outdatedNotReady, int updatedNotReady, int gone) {
    }

    /** How one generated pod is, before it is placed. */
    private record Draw(int trouble, boolean coin, long ageSeconds) {
    }

    /**
     * A cluster with no pod on the new spec, with the new spec scattered at random (as a rollback or a change
     * mid-roll leaves it), or with the first pods in roll order on it (as a roll leaves it).
     *
     * @param healthy only troubles a roll gets through by itself: outdated pods that exist are Ready unless
     *                terminating, and pods on the new spec that are not Ready are still within the timeout
     */
    private static Arbitrary<List<ObservedPod>> clusters(boolean healthy) {
        Arbitrary<Trouble> trouble = Combinators.combine(Arbitraries.of(0, 10, 30, 50), Arbitraries.of(0, 0, 10, 50),
                Arbitraries.of(0, 0, 5, 15)).as(Trouble::new);
        Arbitrary<Integer> updatedCount = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.just(-1), Arbitraries.integers().between(1, 15));
        return Combinators.combine(
                        Arbitraries.of(1, 3, 5), Arbitraries.integers().between(3, 7), Arbitraries.integers().between(1, 3),
                        trouble, updatedCount)
                .flatAs((etcd, safekeepers, pageservers, troubles, updated) -> {
                    List<PodRef> refs = Clusters.refs(etcd, safekeepers, pageservers).stream().sorted(RollOrder.PODS).toList();
                    return draw(healthy).list().ofSize(refs.size())
                            .map(draws -> IntStream.range(0, refs.size()).mapToObj(i -> pod(refs.get(i), draws.get(i),
                                    updated < 0 ? draws.get(i).coin() : i < updated, troubles, healthy)).toList());
                });
    }

    private static Arbitrary<Draw> draw(boolean healthy) {
        long maxAge = (healthy ? TIMEOUT.toSeconds() : 2 * TIMEOUT.toSeconds()) - 1;
        return Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.of(true, false),
                Arbitraries.longs().between(0, maxAge)).as(Draw::new);
    }

    private static ObservedPod pod(PodRef ref, Draw draw, boolean updated, Trouble trouble, boolean healthy) {
        int dice = draw.trouble();
        if (dice < trouble.gone() / 2) {
            return ObservedPod.missing(ref, NEW_HASH);
        }
        boolean deleting = dice < trouble.gone();
        int notReadyPercent = updated ? trouble.updatedNotReady() : healthy ? 0 : trouble.outdatedNotReady();
        boolean ready = deleting || dice >= trouble.gone() + notReadyPercent;
        return new ObservedPod(ref, true, ready, deleting, NOW.minusSeconds(draw.ageSeconds()),
                updated ? NEW_HASH : OLD_HASH, updated ? NEW : OLD, NEW_HASH);
    }

    private static Optional<ObservedPod> restarted(List<ObservedPod> pods) {
        RollStep step = RollingUpgradePlanner.next(pods, NEW, TIMEOUT, NOW);
        if (step instanceof RollStep.Restart restart) {
            return pods.stream().filter(p -> p.pod().equals(restart.pod())).findFirst();
        }
        return Optional.empty();
    }

    private static List<ObservedPod> members(List<ObservedPod> pods, Component component) {
        return pods.stream().filter(p -> p.pod().component() == component).toList();
    }
}

package io.neonops.operator.upgrade;

import static io.neonops.operator.upgrade.Clusters.LONG_AGO;
import static io.neonops.operator.upgrade.Clusters.NEW;
import static io.neonops.operator.upgrade.Clusters.NEW_HASH;
import static io.neonops.operator.upgrade.Clusters.NOW;
import static io.neonops.operator.upgrade.Clusters.OLD;
import static io.neonops.operator.upgrade.Clusters.OLD_HASH;
import static io.neonops.operator.upgrade.Clusters.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.controlplane.component.Component;
import io.neonops.operator.upgrade.SafekeeperCatchUp.Answer;
import io.neonops.operator.upgrade.SafekeeperCatchUp.Observation;
import io.neonops.safekeeper.api.TenantTimelineId;
import io.neonops.safekeeper.api.TimelineWal;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The planner and the safekeeper restart rule together, as the reconciler runs them, over generated safekeeper
 * sets: 3..7 safekeepers on the old spec, each Ready or not, answering or not, holding each of 1..3 timelines or
 * not, with random flush and commit positions around a common point, and timelines with or without a membership
 * (a random set of 3, or two during a migration); the wait begun at any time up to twice the timeout ago.
 */
class SafekeeperCatchUpPropertyTest {

    static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);
    static final List<TenantTimelineId> TIMELINES = List.of(
            TenantTimelineId.of("00000000000000000000000000000001", "000000000000000000000000000000a1"),
            TenantTimelineId.of("00000000000000000000000000000002", "000000000000000000000000000000a2"),
            TenantTimelineId.of("00000000000000000000000000000003", "000000000000000000000000000000a3"));

    /** One generated situation. */
    record Case(List<ObservedPod> pods, Observation observed, Optional<Instant> waitingSince) {
    }

    /** What the reconciler does: the planner's step, and a planned safekeeper restart under the rule. */
    private static RollStep step(Case c) {
        RollStep planned = RollingUpgradePlanner.next(c.pods(), NEW, TIMEOUT, NOW);
        return planned instanceof RollStep.Restart restart
                ? SafekeeperCatchUp.gate(restart, c.pods(), c.observed(), c.waitingSince(), CATCH_UP_TIMEOUT, NOW)
                : planned;
    }

    @Property(tries = 2000)
    void noSafekeeperRestartLeavesATimelineWithoutACaughtUpQuorum(@ForAll("cases") Case c) {
        if (!(step(c) instanceof RollStep.Restart restart)) {
            return;
        }
        ObservedPod candidate = pod(c, restart.pod());
        if (!candidate.serving()) {
            return; // already down: its timelines do without it
        }
        Map<TenantTimelineId, TimelineWal> held = timelines(c, restart.pod()).orElseThrow(
                () -> new AssertionError("restarted " + restart.pod().name() + " whose timelines are unknown"));
        Set<NodeId> up = new LinkedHashSet<>();
        c.pods().stream().filter(p -> !p.pod().equals(restart.pod()) && p.serving()).forEach(p -> up.add(p.pod().nodeId()));
        for (TimelineWal mine : held.values()) {
            List<Set<NodeId>> voterSets = mine.members().isEmpty() ? List.of(allIds(c)) : mine.members();
            for (Set<NodeId> voters : voterSets.stream().filter(v -> v.contains(restart.pod().nodeId())).toList()) {
                long caughtUp = voters.stream().filter(up::contains)
                        .map(id -> c.pods().stream().filter(p -> p.pod().nodeId().equals(id)).findFirst().orElseThrow())
                        .filter(p -> timelines(c, p.pod()).map(t -> t.get(mine.timeline()))
                                .filter(theirs -> theirs.flushLsn().compareTo(mine.commitLsn()) >= 0).isPresent())
                        .count();
                assertThat(2 * caughtUp).as("caught-up voters of %s left by restarting %s", mine.timeline(),
                        restart.pod().name()).isGreaterThan(voters.size());
            }
        }
    }

    @Property(tries = 500)
    void aWaitTurnsIntoAHaltExactlyAtTheTimeoutAndNeverIntoARestart(@ForAll("cases") Case c) {
        RollStep step = step(c);
        Statistics.label("step").collect(step.getClass().getSimpleName());
        if (step instanceof RollStep.AwaitCatchUp wait) {
            assertThat(wait.deadline()).isAfter(NOW);
            assertThat(wait.deadline()).isEqualTo(wait.since().plus(CATCH_UP_TIMEOUT));
        }
        if (step instanceof RollStep.CatchUpTimedOut halted) {
            assertThat(halted.since().plus(CATCH_UP_TIMEOUT)).isBeforeOrEqualTo(NOW);
            assertThat(halted.message()).contains(halted.waiting().waitingFor());
        }
        Statistics.label("step").coverage(coverage -> {
            for (String kind : List.of("Restart", "AwaitCatchUp", "CatchUpTimedOut", "Blocked")) {
                coverage.check(kind).percentage(p -> p > 1);
            }
        });
    }

    @Property(tries = 300)
    void aClusterWhoseSafekeepersAreAllUpAndCaughtUpIsNeverHeldBack(@ForAll("caughtUp") Case c) {
        assertThat(step(c)).isInstanceOf(RollStep.Restart.class);
    }

    @Provide
    Arbitrary<Case> cases() {
        return cases(false);
    }

    @Provide
    Arbitrary<Case> caughtUp() {
        return cases(true);
    }

    /** How one safekeeper is drawn: Ready, answering, and per timeline whether it holds it and how far. */
    private record Safekeeper(boolean ready, boolean answers, List<Boolean> holds, List<Long> flushOffsets,
                              List<Long> commitOffsets) {
    }

    private static Arbitrary<Case> cases(boolean healthy) {
        Arbitrary<Long> offsets = healthy ? Arbitraries.longs().between(0, 0) : Arbitraries.longs().between(-3, 3);
        Arbitrary<Boolean> mostly = healthy ? Arbitraries.just(true) : Arbitraries.frequency(
                Tuple.of(9, true), Tuple.of(1, false));
        Arbitrary<Safekeeper> safekeeper = Combinators.combine(mostly, mostly, mostly.list().ofSize(3),
                offsets.list().ofSize(3), offsets.list().ofSize(3)).as(Safekeeper::new);
        Arbitrary<Integer> membership = healthy ? Arbitraries.just(0) : Arbitraries.of(0, 0, 1, 2);
        Arbitrary<Long> waitedSeconds = Arbitraries.longs().between(-1, 2 * CATCH_UP_TIMEOUT.toSeconds());
        return Combinators.combine(Arbitraries.integers().between(3, 7), Arbitraries.integers().between(1, 3),
                        membership.list().ofSize(3), waitedSeconds)
                .flatAs((count, timelines, memberships, waited) -> safekeeper.list().ofSize(count)
                        .flatMap(drawn -> Arbitraries.shuffle(IntStream.rangeClosed(1, count).boxed().toList())
                                .map(order -> build(drawn, timelines, memberships, order, waited))));
    }

    private static Case build(List<Safekeeper> drawn, int timelineCount, List<Integer> memberships, List<Integer> order,
                              long waitedSeconds) {
        List<ObservedPod> pods = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            Safekeeper sk = drawn.get(i);
            PodRef ref = Clusters.ref(Component.SAFEKEEPER, i);
            pods.add(new ObservedPod(ref, true, sk.ready(), false, LONG_AGO, OLD_HASH, OLD, NEW_HASH));
            if (!sk.answers()) {
                answers.add(new Answer.Unanswered(ref, "connection refused"));
                continue;
            }
            List<TimelineWal> held = new ArrayList<>();
            for (int t = 0; t < timelineCount; t++) {
                if (sk.holds().get(t)) {
                    Lsn base = new Lsn(0x1_0000_0000L);
                    held.add(new TimelineWal(TIMELINES.get(t), offset(base, sk.flushOffsets().get(t)),
                            offset(base, sk.commitOffsets().get(t)), voterSets(memberships.get(t), order)));
                }
            }
            answers.add(Answer.Timelines.of(ref, held));
        }
        Optional<Instant> since = waitedSeconds < 0 ? Optional.empty() : Optional.of(NOW.minusSeconds(waitedSeconds));
        return new Case(pods, Observation.of(answers), since);
    }

    /** None, the first three of a shuffled order, or those and the next three during a migration. */
    private static List<Set<NodeId>> voterSets(int kind, List<Integer> order) {
        List<Set<NodeId>> sets = new ArrayList<>();
        if (kind >= 1) {
            sets.add(ids(order.subList(0, 3)));
        }
        if (kind == 2) {
            sets.add(ids(order.subList(order.size() - 3, order.size())));
        }
        return sets;
    }

    private static Set<NodeId> ids(List<Integer> ids) {
        Set<NodeId> set = new LinkedHashSet<>();
        ids.forEach(id -> set.add(NodeId.of(id)));
        return set;
    }

    private static Lsn offset(Lsn base, long kib) {
        return new Lsn(base.value() + kib * 1024);
    }

    private static ObservedPod pod(Case c, PodRef ref) {
        return c.pods().stream().filter(p -> p.pod().equals(ref)).findFirst().orElseThrow();
    }

    private static Optional<Map<TenantTimelineId, TimelineWal>> timelines(Case c, PodRef ref) {
        return c.observed().answerOf(ref).filter(Answer.Timelines.class::isInstance)
                .map(a -> ((Answer.Timelines) a).timelines());
    }

    private static Set<NodeId> allIds(Case c) {
        Set<NodeId> ids = new LinkedHashSet<>();
        c.pods().forEach(p -> ids.add(p.pod().nodeId()));
        return ids;
    }
}

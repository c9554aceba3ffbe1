package io.neonops.operator.upgrade;

import static io.neonops.operator.upgrade.Clusters.LONG_AGO;
import static io.neonops.operator.upgrade.Clusters.NEW;
import static io.neonops.operator.upgrade.Clusters.NEW_HASH;
import static io.neonops.operator.upgrade.Clusters.NOW;
import static io.neonops.operator.upgrade.Clusters.OLD;
import static io.neonops.operator.upgrade.Clusters.OLD_HASH;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The safekeeper restart rule and the waits it turns a planned restart into. */
class SafekeeperCatchUpTest {

    static final TenantTimelineId TIMELINE = TenantTimelineId.of("de200bd42b49cc1814412c7e592dd6e9",
            "1f2e3d4c5b6a79880123456789abcdef");
    static final TenantTimelineId SECOND = TenantTimelineId.of("00112233445566778899aabbccddeeff",
            "ffeeddccbbaa99887766554433221100");
    static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);
    static final Lsn COMMIT = Lsn.parse("0/16B9188");
    static final Lsn BEHIND = Lsn.parse("0/16B5A50");

    private static PodRef safekeeper(int index) {
        return Clusters.ref(Component.SAFEKEEPER, index);
    }

    /** {@code count} safekeepers on the old spec, Ready. */
    private static List<ObservedPod> safekeepers(int count) {
        return IntStream.range(0, count).mapToObj(i -> new ObservedPod(safekeeper(i), true, true, false, LONG_AGO,
                OLD_HASH, OLD, NEW_HASH)).toList();
    }

    private static List<ObservedPod> notReady(List<ObservedPod> pods, int index) {
        List<ObservedPod> changed = new ArrayList<>(pods);
        ObservedPod pod = pods.get(index);
        changed.set(index, new ObservedPod(pod.pod(), true, false, false, pod.createdAt(), pod.currentSpecHash(),
                pod.currentSpec(), pod.desiredSpecHash()));
        return changed;
    }

    private static Answer holds(int index, TimelineWal... timelines) {
        return Answer.Timelines.of(safekeeper(index), List.of(timelines));
    }

    private static TimelineWal at(Lsn flush) {
        return TimelineWal.of(TIMELINE, flush, COMMIT);
    }

    private static TimelineWal voters(Lsn flush, List<Set<NodeId>> sets) {
        return new TimelineWal(TIMELINE, flush, COMMIT, sets);
    }

    private static Set<NodeId> ids(long... ids) {
        return Arrays.stream(ids).mapToObj(NodeId::of).collect(Collectors.toSet());
    }

    private static Observation observed(Answer... answers) {
        return Observation.of(List.of(answers));
    }

    private static SafekeeperCatchUp.Verdict check(List<ObservedPod> pods, Observation observed) {
        return SafekeeperCatchUp.check(pods.get(0), pods, observed);
    }

    private static RollStep gate(List<ObservedPod> pods, Observation observed, Optional<Instant> since) {
        return SafekeeperCatchUp.gate(new RollStep.Restart(safekeeper(0), "new image"), pods, observed, since,
                CATCH_UP_TIMEOUT, NOW);
    }

    @Test
    void aSafekeeperWhoseTimelinesTheOthersHoldUpToItsCommitLsnIsRestarted() {
        var observed = observed(holds(0, at(COMMIT)), holds(1, at(COMMIT)), holds(2, at(COMMIT.plus(100))));

        RollStep step = gate(safekeepers(3), observed, Optional.empty());

        assertThat(step).isEqualTo(new RollStep.Restart(safekeeper(0), "new image"));
    }

    @Test
    void aSafekeeperWithoutTimelinesIsRestarted() {
        assertThat(check(safekeepers(3), observed(holds(0), holds(1), holds(2))))
                .isEqualTo(new SafekeeperCatchUp.CaughtUp());
    }

    @Test
    void anotherSafekeeperBehindTheCommitLsnMakesTheRollWaitNamingItAndTheTimeline() {
        var observed = observed(holds(0, at(COMMIT)), holds(1, at(COMMIT)), holds(2, at(BEHIND)));

        RollStep step = gate(safekeepers(3), observed, Optional.empty());

        assertThat(step).isEqualTo(new RollStep.AwaitCatchUp(safekeeper(0), new SafekeeperCatchUp.Lagging(TIMELINE,
                List.of(new SafekeeperCatchUp.Laggard("demo-safekeeper-2",
                        "has not flushed the timeline's WAL up to the commit LSN of demo-safekeeper-0"))),
                NOW, NOW.plus(CATCH_UP_TIMEOUT)));
        assertThat(step.stage()).isEqualTo("waiting for demo-safekeeper-2 to catch up on " + TIMELINE);
        assertThat(step.message()).startsWith("not restarting pod demo-safekeeper-0 yet: waiting for demo-safekeeper-2"
                + " to catch up on " + TIMELINE + ": demo-safekeeper-2 has not flushed");
        assertThat(step.currentPod()).contains(safekeeper(0));
    }

    @Test
    void theWaitsMessageStaysTheSameWhileTheWalMoves() {
        RollStep before = gate(safekeepers(3), observed(holds(0, at(COMMIT)), holds(1, at(COMMIT)), holds(2, at(BEHIND))),
                Optional.empty());
        RollStep later = gate(safekeepers(3), observed(holds(0, at(COMMIT)), holds(1, at(COMMIT)),
                holds(2, at(BEHIND.plus(8)))), Optional.of(NOW));

        assertThat(later.message()).isEqualTo(before.message());
    }

    @Test
    void anotherSafekeeperWithoutTheTimelineOrWithoutAnAnswerIsNotCaughtUp() {
        var missing = check(safekeepers(3), observed(holds(0, at(COMMIT)), holds(1, at(COMMIT)), holds(2)));
        var silent = check(safekeepers(3), observed(holds(0, at(COMMIT)), holds(1, at(COMMIT)),
                new Answer.Unanswered(safekeeper(2), "GET http://demo-safekeeper-2:7676/metrics: connection refused")));

        assertThat(((SafekeeperCatchUp.Lagging) missing).detail()).isEqualTo("demo-safekeeper-2 does not hold the timeline");
        assertThat(((SafekeeperCatchUp.Lagging) silent).detail()).isEqualTo("demo-safekeeper-2 does not answer: GET"
                + " http://demo-safekeeper-2:7676/metrics: connection refused");
    }

    @Test
    void aCandidateThatIsNotReadyIsRestartedWithoutAskingAnyone() {
        assertThat(check(notReady(safekeepers(3), 0), observed())).isEqualTo(new SafekeeperCatchUp.CaughtUp());
    }

    @Test
    void aReadyCandidateThatDoesNotAnswerWaitsSinceItsTimelinesAreUnknown() {
        var verdict = check(safekeepers(3), observed(new Answer.Unanswered(safekeeper(0), "timed out"),
                holds(1), holds(2)));

        assertThat(verdict).isEqualTo(new SafekeeperCatchUp.CandidateUnanswered(safekeeper(0), "timed out"));
        assertThat(((SafekeeperCatchUp.Waiting) verdict).waitingFor()).isEqualTo("demo-safekeeper-0 to answer");
    }

    @Test
    void ofFiveSafekeepersThreeCaughtUpOthersAreAQuorumButTwoAreNot() {
        var oneBehind = observed(holds(0, at(COMMIT)), holds(1, at(COMMIT)), holds(2, at(COMMIT)), holds(3, at(COMMIT)),
                holds(4, at(BEHIND)));
        var twoBehind = observed(holds(0, at(COMMIT)), holds(1, at(COMMIT)), holds(2, at(COMMIT)), holds(3, at(BEHIND)),
                holds(4, at(BEHIND)));

        assertThat(check(safekeepers(5), oneBehind)).isEqualTo(new SafekeeperCatchUp.CaughtUp());
        assertThat(((SafekeeperCatchUp.Lagging) check(safekeepers(5), twoBehind)).waitingFor())
                .isEqualTo("demo-safekeeper-3, demo-safekeeper-4 to catch up on " + TIMELINE);
    }

    @Test
    void aTimelinesMembershipNotTheClusterDecidesItsQuorum() {
        List<Set<NodeId>> members = List.of(ids(1, 2, 3));
        var observed = observed(holds(0, voters(COMMIT, members)), holds(1, voters(COMMIT, members)),
                holds(2, voters(COMMIT, members)), holds(3), holds(4));

        // safekeepers 4 and 5 (indexes 3 and 4) do not hold it, and need not
        assertThat(check(safekeepers(5), observed)).isEqualTo(new SafekeeperCatchUp.CaughtUp());
    }

    @Test
    void aTimelineWhoseVotersDoNotIncludeTheCandidateDoesNotDependOnIt() {
        List<Set<NodeId>> members = List.of(ids(2, 3, 4));
        var observed = observed(holds(0, voters(COMMIT, members)), holds(1), holds(2), holds(3));

        assertThat(check(safekeepers(4), observed)).isEqualTo(new SafekeeperCatchUp.CaughtUp());
    }

    @Test
    void duringAMigrationEachVoterSetNeedsItsOwnCaughtUpMajority() {
        List<Set<NodeId>> joint = List.of(ids(1, 2, 3), ids(1, 4, 5));
        var observed = observed(holds(0, voters(COMMIT, joint)), holds(1, voters(COMMIT, joint)),
                holds(2, voters(COMMIT, joint)), holds(3, voters(COMMIT, joint)), holds(4, voters(BEHIND, joint)));

        assertThat(((SafekeeperCatchUp.Lagging) check(safekeepers(5), observed)).waitingFor())
                .isEqualTo("demo-safekeeper-4 to catch up on " + TIMELINE);
    }

    @Test
    void aVoterSetTooSmallForAMajorityWithoutTheCandidateHoldsItBackOnlyForALaggard() {
        List<Set<NodeId>> pair = List.of(ids(1, 2));
        var caughtUp = observed(holds(0, voters(COMMIT, pair)), holds(1, voters(COMMIT, pair)), holds(2));
        var behind = observed(holds(0, voters(COMMIT, pair)), holds(1, voters(BEHIND, pair)), holds(2));
        var alone = observed(holds(0, voters(COMMIT, List.of(ids(1)))), holds(1), holds(2));

        assertThat(check(safekeepers(3), caughtUp)).isEqualTo(new SafekeeperCatchUp.CaughtUp());
        assertThat(check(safekeepers(3), behind)).isInstanceOf(SafekeeperCatchUp.Lagging.class);
        assertThat(check(safekeepers(3), alone)).isEqualTo(new SafekeeperCatchUp.CaughtUp());
    }

    @Test
    void aMemberWithoutAPodInTheClusterIsNotCaughtUp() {
        List<Set<NodeId>> members = List.of(ids(1, 2, 7));
        var observed = observed(holds(0, voters(COMMIT, members)), holds(1, voters(COMMIT, members)), holds(2));

        assertThat(((SafekeeperCatchUp.Lagging) check(safekeepers(3), observed)).detail())
                .isEqualTo("safekeeper 7 is a member of the timeline but not a safekeeper of this cluster");
    }

    @Test
    void theFirstLaggingTimelineInOrderIsNamed() {
        var observed = observed(
                holds(0, at(COMMIT), TimelineWal.of(SECOND, COMMIT, COMMIT)),
                holds(1, at(BEHIND), TimelineWal.of(SECOND, BEHIND, COMMIT)),
                holds(2, at(COMMIT), TimelineWal.of(SECOND, COMMIT, COMMIT)));

        assertThat(((SafekeeperCatchUp.Lagging) check(safekeepers(3), observed)).timeline()).isEqualTo(SECOND);
    }

    @Test
    void theWaitCountsFromWhenItBeganAsTheStatusKeptIt() {
        var lagging = observed(holds(0, at(COMMIT)), holds(1, at(COMMIT)), holds(2, at(BEHIND)));
        Instant began = NOW.minus(Duration.ofMinutes(2));

        RollStep step = gate(safekeepers(3), lagging, Optional.of(began));

        assertThat(step).isInstanceOfSatisfying(RollStep.AwaitCatchUp.class, wait -> {
            assertThat(wait.since()).isEqualTo(began);
            assertThat(wait.deadline()).isEqualTo(began.plus(CATCH_UP_TIMEOUT));
        });
        assertThat(step.waitingSince()).contains(began);
    }

    @Test
    void aWaitStartInTheFutureCountsFromNow() {
        var lagging = observed(holds(0, at(COMMIT)), holds(1, at(COMMIT)), holds(2, at(BEHIND)));

        assertThat(gate(safekeepers(3), lagging, Optional.of(NOW.plusSeconds(600))).waitingSince()).contains(NOW);
    }

    @Test
    void afterTheTimeoutTheRollHaltsWithDegradedNamingTheTimelineAndTheLaggingSafekeeper() {
        var lagging = observed(holds(0, at(COMMIT)), holds(1, at(COMMIT)), holds(2, at(BEHIND)));
        Instant began = NOW.minus(CATCH_UP_TIMEOUT);

        RollStep step = gate(safekeepers(3), lagging, Optional.of(began));

        assertThat(step).isInstanceOfSatisfying(RollStep.CatchUpTimedOut.class, halted -> {
            assertThat(halted.haltReason()).contains("SafekeeperCatchUpTimeout");
            assertThat(halted.message()).isEqualTo("not restarting pod demo-safekeeper-0: waited from " + began
                    + " for 5m for demo-safekeeper-2 to catch up on " + TIMELINE + ": demo-safekeeper-2 has not flushed"
                    + " the timeline's WAL up to the commit LSN of demo-safekeeper-0; no further pod is restarted until"
                    + " they catch up or the spec is fixed");
            assertThat(halted.stage()).isEqualTo("halted: waited too long for demo-safekeeper-2 to catch up on "
                    + TIMELINE);
        });
    }

    @Test
    void aHaltedRollGoesOnOnceTheOthersHaveCaughtUp() {
        var caughtUp = observed(holds(0, at(COMMIT)), holds(1, at(COMMIT)), holds(2, at(COMMIT)));

        assertThat(gate(safekeepers(3), caughtUp, Optional.of(NOW.minus(Duration.ofHours(1)))))
                .isInstanceOf(RollStep.Restart.class);
    }

    @Test
    void aWaitIsStillProgressingAndATimeoutHalts() {
        var lagging = observed(holds(0, at(COMMIT)), holds(1, at(COMMIT)), holds(2, at(BEHIND)));
        List<ObservedPod> pods = safekeepers(3);

        RollStep waiting = gate(pods, lagging, Optional.empty());
        RollStep halted = gate(pods, lagging, Optional.of(NOW.minus(CATCH_UP_TIMEOUT)));

        assertThat(UpgradeProgress.of(pods, waiting, NEW, Optional.empty()).progressing()).isTrue();
        assertThat(UpgradeProgress.of(pods, halted, NEW, Optional.empty()).progressing()).isFalse();
        assertThat(UpgradeProgress.of(pods, waiting, NEW, Optional.empty()).upgrade().orElseThrow().waitingSince())
                .contains(NOW);
    }
}

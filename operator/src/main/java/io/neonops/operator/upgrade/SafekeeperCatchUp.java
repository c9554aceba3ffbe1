package io.neonops.operator.upgrade;

import io.neonops.safekeeper.api.TenantTimelineId;
import io.neonops.safekeeper.api.TimelineWal;
import io.neonops.storage.common.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The safekeeper restart rule: a safekeeper X may go down only if every timeline it holds stays available with all
 * its committed WAL. Precisely, X may be restarted when X is not serving (not Ready: its timelines already do without
 * it), or when X answered with its timelines and, for every timeline T that X holds and every voter set V of T that
 * contains X, at least {@code |V| / 2 + 1} safekeepers of V other than X
 * <ul>
 *   <li>are serving (pod Ready and not being deleted),</li>
 *   <li>answered this reconcile's question for their WAL positions, and hold T, and</li>
 *   <li>have flushed T's WAL at least up to X's {@code commit_lsn} of T (asked before the others, so that a commit
 *       position read later than their flush positions cannot hold a busy timeline back for ever).</li>
 * </ul>
 * T's voter sets are the members of its membership configuration (two during a migration, each needing its own
 * majority), or the cluster's safekeepers when T has none (2022 releases, timelines created by a compute). A voter
 * set without X does not depend on X. A safekeeper that does not answer counts as not caught up; so does a member the
 * cluster has no pod for. When X itself is serving but does not answer, which timelines it holds is unknown, and it
 * waits as well. A voter set of one or two (never one the operator sets up: it runs at least three safekeepers) has no
 * majority without X even with every other voter caught up; waiting cannot help there, so only laggards hold X back,
 * as a single etcd member may be restarted.
 * <p>
 * While the rule forbids the restart the roll waits ({@link RollStep.AwaitCatchUp}), asking again on each reconcile;
 * the wait began at {@code waitingSince} (the status keeps it across operator restarts), and after the timeout it
 * halts ({@link RollStep.CatchUpTimedOut}): it never restarts X into a lagging quorum.
 */
public final class SafekeeperCatchUp {

    /** How often a roll waiting for safekeepers to catch up asks them again. */
    public static final Duration POLL = Duration.ofSeconds(5);
    /** How often a roll halted on safekeepers that did not catch up asks them again, to go on once they have. */
    public static final Duration HALTED_POLL = Duration.ofSeconds(10);

    private static final Comparator<NodeId> BY_ID = Comparator.comparingLong(NodeId::value);

    private SafekeeperCatchUp() {
    }

    /** What one safekeeper said about its timelines when asked during this reconcile. */
    public sealed interface Answer {

        PodRef pod();

        /** Its timelines and how far it holds each. */
        record Timelines(PodRef pod, Map<TenantTimelineId, TimelineWal> timelines) implements Answer {
            public Timelines {
                Objects.requireNonNull(pod, "pod");
                timelines = Map.copyOf(timelines);
            }

            public static Timelines of(PodRef pod, List<TimelineWal> timelines) {
                return new Timelines(pod, timelines.stream().collect(Collectors.toMap(TimelineWal::timeline,
                        Function.identity(), (a, b) -> b)));
            }
        }

        /** It did not answer, or not in a form that could be read. */
        record Unanswered(PodRef pod, String reason) implements Answer {
            public Unanswered {
                Objects.requireNonNull(pod, "pod");
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /**
     * What this reconcile learnt of the safekeepers' WAL positions: the candidate's answer and the serving others';
     * safekeepers missing here were not asked (not serving).
     */
    public record Observation(Map<String, Answer> byPod) {

        public Observation {
            byPod = Map.copyOf(byPod);
        }

        public static Observation of(List<? extends Answer> answers) {
            return new Observation(answers.stream().collect(Collectors.toMap(a -> a.pod().name(), a -> a)));
        }

        public Optional<Answer> answerOf(PodRef pod) {
            return Optional.ofNullable(byPod.get(pod.name()));
        }
    }

    /** The outcome of the rule for one candidate. */
    public sealed interface Verdict {
    }

    /** The candidate may be restarted. */
    public record CaughtUp() implements Verdict {
    }

    /** The candidate must wait: {@link #waitingFor()} says for whom, {@link #detail()} why. */
    public sealed interface Waiting extends Verdict {

        /** {@code demo-safekeeper-2 to catch up on <tenant>/<timeline>}. */
        String waitingFor();

        String detail();
    }

    /** A timeline of the candidate whose other voters are not (enough of them) caught up. */
    public record Lagging(TenantTimelineId timeline, List<Laggard> laggards) implements Waiting {
        public Lagging {
            Objects.requireNonNull(timeline, "timeline");
            laggards = List.copyOf(laggards);
            if (laggards.isEmpty()) {
                throw new IllegalArgumentException("timeline " + timeline + " lags without a laggard");
            }
        }

        @Override
        public String waitingFor() {
            return laggards.stream().map(Laggard::safekeeper).collect(Collectors.joining(", ")) + " to catch up on "
                    + timeline;
        }

        @Override
        public String detail() {
            return laggards.stream().map(l -> l.safekeeper() + " " + l.why()).collect(Collectors.joining("; "));
        }
    }

    /**
     * One voter of a timeline that does not count towards its caught-up quorum.
     *
     * @param safekeeper its pod's name, or {@code safekeeper <id>} for a member without a pod in this cluster
     * @param why        what keeps it from counting, without positions, so that a message stays the same while
     *                   the WAL moves
     */
    public record Laggard(String safekeeper, String why) {
        public Laggard {
            Objects.requireNonNull(safekeeper, "safekeeper");
            Objects.requireNonNull(why, "why");
        }
    }

    /** The candidate is serving but did not say which timelines it holds. */
    public record CandidateUnanswered(PodRef pod, String reason) implements Waiting {
        public CandidateUnanswered {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String waitingFor() {
            return pod.name() + " to answer";
        }

        @Override
        public String detail() {
            return pod.name() + " does not answer, so which timelines it holds is unknown: " + reason;
        }
    }

    /**
     * The rule, for one candidate.
     *
     * @param candidate the safekeeper to be restarted
     * @param members   every safekeeper pod of the cluster, the candidate included
     */
    public static Verdict check(ObservedPod candidate, List<ObservedPod> members, Observation observed) {
        if (!candidate.serving()) {
            return new CaughtUp();
        }
        Answer answer = observed.answerOf(candidate.pod())
                .orElse(new Answer.Unanswered(candidate.pod(), "it was not asked"));
        if (answer instanceof Answer.Unanswered unanswered) {
            return new CandidateUnanswered(candidate.pod(), unanswered.reason());
        }
        Map<NodeId, ObservedPod> byNodeId = new TreeMap<>(BY_ID);
        members.forEach(m -> byNodeId.put(m.pod().nodeId(), m));
        NodeId self = candidate.pod().nodeId();
        Map<TenantTimelineId, TimelineWal> held = new TreeMap<>(((Answer.Timelines) answer).timelines());
        for (TimelineWal timeline : held.values()) {
            List<Set<NodeId>> voterSets = timeline.members().isEmpty() ? List.of(byNodeId.keySet()) : timeline.members();
            for (Set<NodeId> voters : voterSets) {
                if (!voters.contains(self)) {
                    continue;
                }
                List<Laggard> laggards = new ArrayList<>();
                int caughtUp = 0;
                for (NodeId voter : voters.stream().sorted(BY_ID).toList()) {
                    if (voter.equals(self)) {
                        continue;
                    }
                    Optional<String> why = whyNotCaughtUp(byNodeId.get(voter), timeline, candidate.pod(), observed);
                    if (why.isEmpty()) {
                        caughtUp++;
                    } else {
                        laggards.add(new Laggard(name(voter, byNodeId.get(voter)), why.get()));
                    }
                }
                // a set of one or two keeps no majority without X however caught up the other is: nothing to wait for
                if (caughtUp < voters.size() / 2 + 1 && !laggards.isEmpty()) {
                    return new Lagging(timeline.timeline(), laggards);
                }
            }
        }
        return new CaughtUp();
    }

    /**
     * The step a planned restart of a safekeeper becomes under the rule.
     *
     * @param waitingSince when the roll began waiting before this same pod, as the status recorded it
     * @param timeout      {@code spec.upgrade.safekeeperCatchUpTimeoutSeconds}
     */
    public static RollStep gate(RollStep.Restart restart, List<ObservedPod> pods, Observation observed,
                                Optional<Instant> waitingSince, Duration timeout, Instant now) {
        List<ObservedPod> members = pods.stream().filter(p -> p.pod().component() == restart.pod().component()).toList();
        ObservedPod candidate = members.stream().filter(p -> p.pod().equals(restart.pod())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("pod " + restart.pod().name() + " is not observed"));
        if (!(check(candidate, members, observed) instanceof Waiting waiting)) {
            return restart;
        }
        Instant since = waitingSince.filter(s -> !s.isAfter(now)).orElse(now);
        Instant deadline = since.plus(timeout);
        return now.isBefore(deadline)
                ? new RollStep.AwaitCatchUp(restart.pod(), waiting, since, deadline)
                : new RollStep.CatchUpTimedOut(restart.pod(), waiting, since, timeout);
    }

    /** When a step of this rule is to be looked at again, by the deadline at the latest; empty for other steps. */
    public static Optional<Duration> askAgainAfter(RollStep step, Instant now) {
        if (step instanceof RollStep.AwaitCatchUp wait) {
            Duration left = Duration.between(now, wait.deadline());
            return Optional.of(left.compareTo(POLL) < 0 ? left : POLL);
        }
        return step instanceof RollStep.CatchUpTimedOut ? Optional.of(HALTED_POLL) : Optional.empty();
    }

    /**
     * @param pod       the voter's pod, null when the cluster has none for it
     * @param candidate the candidate's positions of the timeline
     */
    private static Optional<String> whyNotCaughtUp(ObservedPod pod, TimelineWal candidate, PodRef candidatePod,
                                                   Observation observed) {
        if (pod == null) {
            return Optional.of("is a member of the timeline but not a safekeeper of this cluster");
        }
        if (!pod.serving()) {
            return Optional.of("is not Ready");
        }
        Optional<Answer> answer = observed.answerOf(pod.pod());
        if (answer.isEmpty()) {
            return Optional.of("was not asked");
        }
        if (answer.get() instanceof Answer.Unanswered unanswered) {
            return Optional.of("does not answer: " + unanswered.reason());
        }
        TimelineWal theirs = ((Answer.Timelines) answer.get()).timelines().get(candidate.timeline());
        if (theirs == null) {
            return Optional.of("does not hold the timeline");
        }
        return theirs.flushLsn().compareTo(candidate.commitLsn()) >= 0
                ? Optional.empty()
                : Optional.of("has not flushed the timeline's WAL up to the commit LSN of " + candidatePod.name());
    }

    private static String name(NodeId voter, ObservedPod pod) {
        return pod == null ? "safekeeper " + voter : pod.pod().name();
    }
}

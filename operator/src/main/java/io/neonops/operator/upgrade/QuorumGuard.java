package io.neonops.operator.upgrade;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether one pod may be taken down without breaking its component's quorum. Missing, not Ready and
 * terminating pods do not count as Ready.
 * <ul>
 *   <li>safekeeper: only while every other safekeeper is Ready (a timeline's WAL needs a majority of
 *       safekeepers, and which ones hold it is not known here, so no second one may be down);</li>
 *   <li>etcd: only while the other members that are Ready are a majority of all members. A single member
 *       has no quorum to keep: upgrading it always means a short broker outage, which the pageserver and
 *       safekeepers ride out, so it is allowed (the alternative is a cluster that can never be upgraded);</li>
 *   <li>pageserver: always (one at a time is all the roll promises).</li>
 * </ul>
 */
final class QuorumGuard {

    private QuorumGuard() {
    }

    /**
     * Why {@code candidate} may not be taken down now, or empty when it may.
     *
     * @param members every pod of the candidate's component, the candidate included
     */
    static Optional<String> whyNot(ObservedPod candidate, List<ObservedPod> members) {
        List<ObservedPod> others = members.stream().filter(p -> !p.pod().equals(candidate.pod())).toList();
        List<ObservedPod> down = others.stream().filter(p -> !p.serving()).toList();
        int readyLeft = others.size() - down.size();
        int total = members.size();
        String name = candidate.pod().name();
        return switch (candidate.pod().component()) {
            case SAFEKEEPER -> down.isEmpty()
                    ? Optional.empty()
                    : Optional.of(notReady("safekeeper", down) + ": taking " + name + " down would leave "
                            + readyLeft + " of " + total + " Ready");
            case ETCD -> total == 1 || 2 * readyLeft > total
                    ? Optional.empty()
                    : Optional.of(notReady("etcd member", down) + ": taking " + name + " down would leave "
                            + readyLeft + " of " + total + " Ready, and quorum needs " + (total / 2 + 1));
            case PAGESERVER -> Optional.empty();
        };
    }

    private static String notReady(String kind, List<ObservedPod> down) {
        String names = down.stream().map(p -> p.pod().name()).collect(Collectors.joining(", "));
        return down.size() == 1 ? kind + " " + names + " is not Ready" : kind + "s " + names + " are not Ready";
    }
}

package io.neonops.operator.upgrade;

import io.neonops.controlplane.component.QuorumRule;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether one pod may be taken down without breaking its component's quorum, by the {@link QuorumRule} its
 * descriptor names. Missing, not Ready and terminating pods do not count as Ready. Without a quorum rule a pod
 * may always go (one at a time is all the roll promises).
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
        String noun = candidate.pod().component().descriptor().memberNoun();
        return switch (candidate.pod().component().descriptor().quorum()) {
            case ALL_OTHERS_READY -> down.isEmpty()
                    ? Optional.empty()
                    : Optional.of(notReady(noun, down) + ": taking " + name + " down would leave "
                            + readyLeft + " of " + total + " Ready");
            case MAJORITY -> total == 1 || 2 * readyLeft > total
                    ? Optional.empty()
                    : Optional.of(notReady(noun, down) + ": taking " + name + " down would leave "
                            + readyLeft + " of " + total + " Ready, and quorum needs " + (total / 2 + 1));
            case NONE -> Optional.empty();
        };
    }

    private static String notReady(String kind, List<ObservedPod> down) {
        String names = down.stream().map(p -> p.pod().name()).collect(Collectors.joining(", "));
        return down.size() == 1 ? kind + " " + names + " is not Ready" : kind + "s " + names + " are not Ready";
    }
}

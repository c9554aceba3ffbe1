package io.neonops.operator.upgrade;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code status.upgrade} while a roll is under way.
 *
 * @param from         the spec the outdated pods run; empty when no pod says (pods from before these annotations)
 * @param to           the cluster's current spec
 * @param currentPod   the pod the roll is at: being restarted, awaited, halted on or blocked before
 * @param step         what the roll does there, in a few words ({@link RollStep#stage()})
 * @param updatedPods  pods that exist on the desired spec hash (Ready or not, as Kubernetes counts "updated")
 * @param totalPods    pods the spec wants
 * @param waitingSince since when the roll has waited at {@code currentPod}, for a step whose timeout counts from there
 *                     ({@link RollStep#waitingSince()})
 */
public record UpgradeStatus(Optional<SpecSummary> from, SpecSummary to, Optional<String> currentPod, Optional<String> step,
                            int updatedPods, int totalPods, Optional<Instant> waitingSince) {

    public UpgradeStatus {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(currentPod, "currentPod");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(waitingSince, "waitingSince");
        if (updatedPods < 0 || updatedPods > totalPods) {
            throw new IllegalArgumentException("updatedPods must be 0.." + totalPods + ", got " + updatedPods);
        }
    }

    /** A status of a step that waits for nothing timed. */
    public UpgradeStatus(Optional<SpecSummary> from, SpecSummary to, Optional<String> currentPod, Optional<String> step,
                         int updatedPods, int totalPods) {
        this(from, to, currentPod, step, updatedPods, totalPods, Optional.empty());
    }

    /** When the roll began waiting before {@code pod}, if this status says it was waiting there. */
    public Optional<Instant> waitingSinceAt(PodRef pod) {
        return currentPod.filter(pod.name()::equals).flatMap(name -> waitingSince);
    }
}

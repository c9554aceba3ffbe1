package io.neonops.operator.upgrade;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code status.upgrade} while a roll is under way.
 *
 * @param from        the spec the outdated pods run; empty when no pod says (pods from before these annotations)
 * @param to          the cluster's current spec
 * @param currentPod  the pod the roll is at: being restarted, awaited, halted on or blocked before
 * @param step        what the roll does there, in a few words ({@link RollStep#stage()})
 * @param updatedPods pods that exist on the desired spec hash (Ready or not, as Kubernetes counts "updated")
 * @param totalPods   pods the spec wants
 */
public record UpgradeStatus(Optional<SpecSummary> from, SpecSummary to, Optional<String> currentPod, Optional<String> step, int updatedPods, int totalPods) {

    public UpgradeStatus {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(currentPod, "currentPod");
        Objects.requireNonNull(step, "step");
        if (updatedPods < 0 || updatedPods > totalPods) {
            throw new IllegalArgumentException("updatedPods must be 0.." + totalPods + ", got " + updatedPods);
        }
    }
}

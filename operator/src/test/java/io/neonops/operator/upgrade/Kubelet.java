package io.neonops.operator.upgrade;

import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the core and the kubelet for a roll: carries out each step the planner decides (a restarted pod
 * comes back on its desired spec, an awaited pod becomes Ready) until the cluster is up to date.
 */
final class Kubelet {

    /** More steps than any roll of the generated clusters needs: a roll that takes longer is stuck. */
    private static final int MAX_STEPS = 200;

    /** How a roll went: the pods restarted, in order, and the state it ended in. */
    record Roll(List<String> restarted, List<ObservedPod> end) {
    }

    private Kubelet() {
    }

    static Roll roll(List<ObservedPod> start, SpecSummary target, Instant now) {
        List<String> restarted = new ArrayList<>();
        Map<String, ObservedPod> pods = new LinkedHashMap<>();
        start.forEach(p -> pods.put(p.pod().name(), p));
        for (int steps = 0; steps < MAX_STEPS; steps++) {
            RollStep step = RollingUpgradePlanner.next(List.copyOf(pods.values()), target, Clusters.TIMEOUT, now);
            if (step instanceof RollStep.UpToDate) {
                return new Roll(List.copyOf(restarted), List.copyOf(pods.values()));
            }
            String name = step.currentPod().orElseThrow().name();
            if (step instanceof RollStep.Restart) {
                restarted.add(name);
                pods.put(name, recreated(pods.get(name), target, now));
            } else if (step instanceof RollStep.WaitForRecreate) {
                pods.put(name, recreated(pods.get(name), target, now));
            } else if (step instanceof RollStep.WaitForReady) {
                pods.put(name, readied(pods.get(name)));
            } else {
                fail("the roll of a healthy cluster stopped: " + step.message());
            }
        }
        return fail("no end to the roll after " + MAX_STEPS + " steps");
    }

    /** The pod the core creates in place of {@code pod}: on the desired spec, not Ready yet. */
    static ObservedPod recreated(ObservedPod pod, SpecSummary spec, Instant at) {
        return new ObservedPod(pod.pod(), true, false, false, at, pod.desiredSpecHash(), spec, pod.desiredSpecHash());
    }

    static ObservedPod readied(ObservedPod pod) {
        return new ObservedPod(pod.pod(), true, true, pod.deleting(), pod.createdAt(), pod.currentSpecHash(),
                pod.currentSpec(), pod.desiredSpecHash());
    }
}

package io.neonops.operator.upgrade;

import io.neonops.controlplane.component.Component;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides the next step of a rolling upgrade from what is observed, and nothing else: no memory, so a roll
 * resumes after an operator restart from the pods still on an old spec hash, and a pod on the desired hash
 * is never restarted again. Rolling back is the same as rolling forward to the old spec.
 * <ol>
 *   <li>One pod at a time: while any pod is being deleted, not yet created, or on the desired spec but not
 *       Ready, wait for it; once it has been not Ready for the ready timeout since its creation, halt.</li>
 *   <li>Then finish a pageserver restart through the storage controller that is under way ({@link PageserverDrain}).</li>
 *   <li>Otherwise restart the first outdated pod in {@link RollOrder} (etcd, safekeepers, pageservers), unless
 *       {@link QuorumGuard} forbids it: then the roll is blocked, and never skips ahead to a later pod. A pageserver
 *       with a storage controller is drained first.</li>
 * </ol>
 * Within a component, outdated pods that are not Ready go first, then by index: such a pod is already out
 * of service, so restarting it costs no availability and may well bring it back, while leaving it for last
 * would block the quorum rule for every other pod of its component.
 */
public final class RollingUpgradePlanner {

    private static final Comparator<ObservedPod> RESTART_PREFERENCE = Comparator
            .comparing(ObservedPod::serving)
            .thenComparing(RollOrder.OBSERVED_PODS);

    private RollingUpgradePlanner() {
    }

    /**
     * @param pods         every pod the cluster's spec wants (see {@link ObservedPod})
     * @param target       the summary of the cluster's spec, for the restart reason
     * @param readyTimeout {@code spec.upgrade.podReadyTimeoutSeconds}
     * @param now          the current time
     */
    public static RollStep next(List<ObservedPod> pods, SpecSummary target, Duration readyTimeout, Instant now) {
        return next(pods, target, readyTimeout, PageserverDrain.none(), now);
    }

    /**
     * As {@link #next(List, SpecSummary, Duration, Instant)}, with pageservers restarted through the storage
     * controller's drain and fill: a pageserver restart under way is finished before anything else moves.
     */
    public static RollStep next(List<ObservedPod> pods, SpecSummary target, Duration readyTimeout, PageserverDrain drain,
                                Instant now) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(drain, "drain");
        Objects.requireNonNull(now, "now");
        List<ObservedPod> ordered = pods.stream().sorted(RollOrder.OBSERVED_PODS).toList();
        return inFlight(ordered, readyTimeout, now)
                .or(() -> drain.unfinished(ordered, now))
                .or(() -> nextRestart(ordered, target, drain, now))
                .orElseGet(RollStep.UpToDate::new);
    }

    /** A halted pod wins over one still within its time, so that Degraded is never hidden by a wait. */
    private static Optional<RollStep> inFlight(List<ObservedPod> ordered, Duration readyTimeout, Instant now) {
        List<ObservedPod> inFlight = ordered.stream().filter(ObservedPod::inFlight).toList();
        for (ObservedPod pod : inFlight) {
            if (awaitsReadiness(pod) && !now.isBefore(pod.createdAt().plus(readyTimeout))) {
                return Optional.of(new RollStep.Halted(pod.pod(), pod.createdAt(), readyTimeout));
            }
        }
        return inFlight.stream().findFirst().map(pod -> awaitsReadiness(pod)
                ? new RollStep.WaitForReady(pod.pod(), pod.createdAt().plus(readyTimeout))
                : new RollStep.WaitForRecreate(pod.pod()));
    }

    private static boolean awaitsReadiness(ObservedPod pod) {
        return pod.exists() && !pod.deleting();
    }

    private static Optional<RollStep> nextRestart(List<ObservedPod> ordered, SpecSummary target, PageserverDrain drain,
                                                  Instant now) {
        for (Component component : RollOrder.COMPONENTS) {
            List<ObservedPod> members = ordered.stream().filter(p -> p.pod().component() == component).toList();
            Optional<ObservedPod> candidate = members.stream().filter(ObservedPod::outdated).min(RESTART_PREFERENCE);
            if (candidate.isPresent()) {
                ObservedPod pod = candidate.get();
                return Optional.of(QuorumGuard.whyNot(pod, members)
                        .<RollStep>map(reason -> new RollStep.Blocked(pod.pod(), reason))
                        .orElseGet(() -> drain.restart(pod, SpecChange.describe(pod, target), now)));
            }
        }
        return Optional.empty();
    }
}

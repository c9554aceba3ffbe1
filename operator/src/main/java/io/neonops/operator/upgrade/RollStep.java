package io.neonops.operator.upgrade;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What a rolling upgrade does next; {@link RollingUpgradePlanner} picks exactly one. */
public sealed interface RollStep {

    /** The pod the roll is at, for {@code status.upgrade.currentPod}; empty when there is none. */
    Optional<PodRef> currentPod();

    /** One line for a condition message or an Event. */
    String message();

    /** A few words for {@code status.upgrade.step} and its {@code kubectl get} column, e.g. {@code draining demo-pageserver-1}. */
    default String stage() {
        return currentPod().map(pod -> "at " + pod.name()).orElse("");
    }

    /**
     * The reason of the {@code Degraded} condition when the roll halts here: a pod or a storage-controller operation did
     * not finish within its timeout, or the storage controller refuses what the roll needs. Empty while the roll goes on.
     */
    default Optional<String> haltReason() {
        return Optional.empty();
    }

    /** Since when the roll has been waiting at this step, when its timeout counts from a start kept in the status. */
    default Optional<Instant> waitingSince() {
        return Optional.empty();
    }

    /** A step at one pod: the one restarted, awaited, halted on or blocked before. */
    sealed interface AtPod extends RollStep permits Restart, WaitForReady, WaitForRecreate, Halted, Blocked, AwaitCatchUp, CatchUpTimedOut, PageserverStep {

        PodRef pod();

        @Override
        default Optional<PodRef> currentPod() {
            return Optional.of(pod());
        }
    }

    /** Every pod exists, is Ready and carries its desired spec hash. */
    record UpToDate() implements RollStep {
        @Override
        public Optional<PodRef> currentPod() {
            return Optional.empty();
        }

        @Override
        public String message() {
            return "every pod runs the current spec";
        }


    }

    /** Delete this pod so that the core recreates it on the desired spec. */
    record Restart(PodRef pod, String reason) implements AtPod {
        public Restart {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String message() {
            return "restarting pod " + pod.name() + ": " + reason;
        }

        @Override
        public String stage() {
            return "restarting " + pod.name();
        }
    }

    /** This pod runs the desired spec but is not Ready yet; nothing else moves until it is or until the deadline. */
    record WaitForReady(PodRef pod, Instant deadline) implements AtPod {
        public WaitForReady {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(deadline, "deadline");
        }

        @Override
        public String message() {
            return "waiting for pod " + pod.name() + " to become Ready on the new spec (until " + deadline + ")";
        }

        @Override
        public String stage() {
            return "waiting for " + pod.name() + " to be Ready";
        }
    }

    /** This pod is being deleted or is not created yet; nothing else moves until it is back. */
    record WaitForRecreate(PodRef pod) implements AtPod {
        public WaitForRecreate {
            Objects.requireNonNull(pod, "pod");
        }

        @Override
        public String message() {
            return "waiting for pod " + pod.name() + " to be recreated";
        }

        @Override
        public String stage() {
            return "recreating " + pod.name();
        }
    }

    /**
     * This pod runs the desired spec and was not Ready within the timeout: the roll stops here, and the next
     * reconcile resumes once the pod is Ready or the spec changes again. The message names the pod's creation
     * time rather than how long it has been waiting, so that it, and the condition showing it, stays the same
     * from one reconcile to the next.
     *
     * @param createdAt when the pod was created on the desired spec
     */
    record Halted(PodRef pod, Instant createdAt, Duration timeout) implements AtPod {

        /** The Degraded reason of a pod that was not Ready in time. */
        public static final String REASON = "RollHalted";

        public Halted {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(timeout, "timeout");
        }

        @Override
        public String message() {
            return "pod " + pod.name() + " was created on the new spec at " + createdAt + " and was not Ready within "
                    + human(timeout) + ": no further pod is restarted until it is Ready or the spec is fixed";
        }

        @Override
        public String stage() {
            return "halted at " + pod.name();
        }

        @Override
        public Optional<String> haltReason() {
            return Optional.of(REASON);
        }

        /** {@code PT12M5S} reads as {@code 12m5s}. */
        static String human(Duration d) {
            return d.withNanos(0).toString().substring(2).toLowerCase();
        }
    }

    /** This pod is next, but taking it down now would break its component's quorum. */
    record Blocked(PodRef pod, String reason) implements AtPod {
        public Blocked {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String message() {
            return "not restarting pod " + pod.name() + " yet: " + reason;
        }

        @Override
        public String stage() {
            return "blocked before " + pod.name();
        }
    }

    /**
     * This safekeeper is next, and restarting it now could leave one of its timelines without a caught-up quorum
     * ({@link SafekeeperCatchUp}): the roll waits for the others until the deadline.
     *
     * @param since    when the roll began waiting here, from which the timeout counts (kept in the status)
     * @param deadline when the wait turns into {@link CatchUpTimedOut}
     */
    record AwaitCatchUp(PodRef pod, SafekeeperCatchUp.Waiting waiting, Instant since, Instant deadline) implements AtPod {
        public AwaitCatchUp {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(waiting, "waiting");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(deadline, "deadline");
        }

        @Override
        public String message() {
            return "not restarting pod " + pod.name() + " yet: waiting for " + waiting.waitingFor() + ": "
                    + waiting.detail() + " (until " + deadline + ")";
        }

        @Override
        public String stage() {
            return "waiting for " + waiting.waitingFor();
        }

        @Override
        public Optional<Instant> waitingSince() {
            return Optional.of(since);
        }
    }

    /**
     * The other safekeepers did not catch up within the timeout: the roll stops before this safekeeper, and goes on
     * by itself once they have caught up (each reconcile asks again) or the spec changes.
     */
    record CatchUpTimedOut(PodRef pod, SafekeeperCatchUp.Waiting waiting, Instant since, Duration timeout)
            implements AtPod {

        /** The Degraded reason of a safekeeper restart whose timelines' quorum did not catch up in time. */
        public static final String REASON = "SafekeeperCatchUpTimeout";

        public CatchUpTimedOut {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(waiting, "waiting");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(timeout, "timeout");
        }

        @Override
        public String message() {
            return "not restarting pod " + pod.name() + ": waited from " + since + " for " + Halted.human(timeout)
                    + " for " + waiting.waitingFor() + ": " + waiting.detail()
                    + "; no further pod is restarted until they catch up or the spec is fixed";
        }

        @Override
        public String stage() {
            return "halted: waited too long for " + waiting.waitingFor();
        }

        @Override
        public Optional<Instant> waitingSince() {
            return Optional.of(since);
        }

        @Override
        public Optional<String> haltReason() {
            return Optional.of(REASON);
        }
    }
}

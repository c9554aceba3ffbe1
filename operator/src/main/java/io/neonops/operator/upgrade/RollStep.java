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

    /** A step at one pod: the one restarted, awaited, halted on or blocked before. */
    sealed interface AtPod extends RollStep {

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

        /** {@code PT12M5S} reads as {@code 12m5s}. */
        private static String human(Duration d) {
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
    }
}

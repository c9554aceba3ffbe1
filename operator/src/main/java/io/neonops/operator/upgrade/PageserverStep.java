package io.neonops.operator.upgrade;

import io.neonops.storage.common.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The steps of a pageserver's restart through the storage controller (modern topology), which {@link PageserverDrain}
 * decides: drain, restart once the node is {@code PauseForRestart}, wait until it is Active again, fill, wait until the
 * fill ended. The restart itself is a plain {@link RollStep.Restart}.
 */
public sealed interface PageserverStep extends RollStep.AtPod {

    /** The pageserver's node id in the storage controller. */
    NodeId node();

    /**
     * Ask the storage controller to drain the node, first marking its volume claim ({@link RestartMark}) with the time
     * the drain timeout counts from and the shards that have no secondary to move to.
     *
     * @param again the node was Active although the mark says its drain was asked for: cancelled underneath (by hand,
     *              or the storage controller or the pageserver restarted), so it is asked for again
     */
    record RequestDrain(PodRef pod, NodeId node, boolean again) implements PageserverStep {
        public RequestDrain {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(node, "node");
        }

        @Override
        public String message() {
            return (again ? "the drain of pageserver node " + node + " ended before PauseForRestart (cancelled underneath):"
                    + " asking for it again" : "asking the storage controller to drain pageserver node " + node)
                    + " before restarting pod " + pod.name();
        }

        @Override
        public String stage() {
            return "draining " + pod.name();
        }
    }

    /**
     * The drain runs: wait for {@code PauseForRestart}, asking again each time so that a drain the storage controller
     * lost when it restarted (the node stays {@code Draining} with nothing running) is seen and recovered.
     */
    record WaitForDrain(PodRef pod, NodeId node, NodeState state, Instant deadline, List<String> shardsWithoutSecondary)
            implements PageserverStep {
        public WaitForDrain {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(deadline, "deadline");
            shardsWithoutSecondary = List.copyOf(shardsWithoutSecondary);
        }

        @Override
        public String message() {
            return "draining pageserver node " + node + " (" + state + ") before restarting pod " + pod.name()
                    + ", until " + deadline + (shardsWithoutSecondary.isEmpty() ? ""
                    : "; " + RestartMark.describeShards(shardsWithoutSecondary) + " stay on it and are offline during its restart");
        }

        @Override
        public String stage() {
            return "draining " + pod.name();
        }
    }

    /**
     * The pod runs the wanted spec without having been restarted since its drain was asked for (the spec changed back
     * meanwhile): the drain is undone (cancelled while it runs, the node set Active once it is PauseForRestart), so that
     * no node is left drained, and the node is then filled as after a restart.
     */
    record UndoDrain(PodRef pod, NodeId node, NodeState state) implements PageserverStep {
        public UndoDrain {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(state, "state");
        }

        @Override
        public String message() {
            return "pod " + pod.name() + " runs the wanted spec without a restart: undoing the drain of pageserver node "
                    + node + " (" + state + ")";
        }

        @Override
        public String stage() {
            return "undoing the drain of " + pod.name();
        }
    }

    /** Wait for the node to be in a state the next step needs: Active again after the restart, or done warming up. */
    record AwaitNode(PodRef pod, NodeId node, String waitingFor, Instant deadline) implements PageserverStep {
        public AwaitNode {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(waitingFor, "waitingFor");
            Objects.requireNonNull(deadline, "deadline");
        }

        @Override
        public String message() {
            return "waiting for pageserver node " + node + " (pod " + pod.name() + ") " + waitingFor + ", until " + deadline;
        }

        @Override
        public String stage() {
            return "waiting for " + pod.name() + " in the storage controller";
        }
    }

    /** The restarted node is Active: ask the storage controller to move its tenants back, marking its claim once accepted. */
    record RequestFill(PodRef pod, NodeId node) implements PageserverStep {
        public RequestFill {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(node, "node");
        }

        @Override
        public String message() {
            return "pod " + pod.name() + " restarted: asking the storage controller to fill pageserver node " + node;
        }

        @Override
        public String stage() {
            return "filling " + pod.name();
        }
    }

    /** The fill runs: no other pageserver is touched until the node is no longer {@code Filling}. */
    record WaitForFill(PodRef pod, NodeId node, Instant deadline) implements PageserverStep {
        public WaitForFill {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(deadline, "deadline");
        }

        @Override
        public String message() {
            return "filling pageserver node " + node + " (pod " + pod.name() + ") until " + deadline;
        }

        @Override
        public String stage() {
            return "filling " + pod.name();
        }
    }

    /** The fill ended: remove the mark, and the roll goes on with the next pod. */
    record FillEnded(PodRef pod, NodeId node) implements PageserverStep {
        public FillEnded {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(node, "node");
        }

        @Override
        public String message() {
            return "the fill of pageserver node " + node + " (pod " + pod.name() + ") ended";
        }

        @Override
        public String stage() {
            return "filling " + pod.name();
        }
    }

    /** Why a pageserver's restart halts the roll, as the reason of the Degraded condition. */
    enum HaltReason {
        /** The drain did not reach PauseForRestart within spec.upgrade.drainTimeoutSeconds. */
        DRAIN_TIMEOUT("PageserverDrainTimeout"),
        /** The fill did not end within spec.upgrade.fillTimeoutSeconds. */
        FILL_TIMEOUT("PageserverFillTimeout"),
        /** The restarted pageserver was not Active in the storage controller within spec.upgrade.podReadyTimeoutSeconds. */
        NOT_ACTIVE("PageserverNotActive"),
        /** Someone set the node's scheduling policy to Pause: the storage controller drains and fills no paused node. */
        PAUSED("PageserverPaused");

        private final String reason;

        HaltReason(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * The restart of this pageserver cannot go on: the roll stops here, with Degraded naming the node and the step, and
     * resumes by itself once the node gets where the step waits for (the message stays the same meanwhile).
     */
    record Halt(PodRef pod, NodeId node, HaltReason reason, String detail) implements PageserverStep {
        public Halt {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        static Halt timedOut(PodRef pod, NodeId node, HaltReason reason, String step, Instant since, Duration timeout,
                             NodeState state) {
            return new Halt(pod, node, reason, step + " of pageserver node " + node + " (pod " + pod.name() + "), asked for at "
                    + since + ", did not end within " + RollStep.Halted.human(timeout) + " (" + state + ")");
        }

        @Override
        public String message() {
            return detail + ": no further pod is restarted until it does";
        }

        @Override
        public String stage() {
            return "halted at " + pod.name();
        }

        @Override
        public Optional<String> haltReason() {
            return Optional.of(reason.reason());
        }
    }
}

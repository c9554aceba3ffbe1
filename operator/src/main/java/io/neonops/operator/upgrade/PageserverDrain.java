package io.neonops.operator.upgrade;

import io.neonops.controlplane.cluster.UpgradeSpec;
import io.neonops.controlplane.component.PageserverNodeSpec;
import io.neonops.controller.api.NodeAvailability;
import io.neonops.controller.api.NodeSchedulingPolicy;
import io.neonops.storage.common.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a pageserver restarts where a storage controller places the tenants (storage-controller-api.md section 3, Neon's
 * RFC 033): drain, restart once the node is {@code PauseForRestart}, wait until it is Active again, fill, wait until the
 * fill ended; only then the next pageserver. A pure decision, like {@link RollingUpgradePlanner} which asks it: the
 * state is the storage controller's node policies and the {@link RestartMark} on each pageserver's volume claim, so an
 * operator that restarts at any step goes on from there.
 * <p>
 * A pageserver is restarted without a drain only when a drain can move nothing: no other pageserver is registered
 * (its tenants are offline until it is back, which the restart's message says), it is not registered itself (it holds
 * no tenants), or the storage controller sees it Offline (its tenants were moved where they could be already).
 */
public final class PageserverDrain {

    /** How often a running drain or fill is looked at; Neon suggests polling every 1 to 2 s. */
    public static final Duration POLL = Duration.ofSeconds(2);

    /** What the storage controller says of the pageservers, once per reconcile. */
    public sealed interface Nodes {

        /** Every registered pageserver node, by id. */
        record Known(Map<NodeId, NodeState> byId) implements Nodes {
            public Known {
                byId = Map.copyOf(byId);
            }
        }

        /** The storage controller could not be asked; nothing that needs it moves. */
        record Unknown(String reason) implements Nodes {
            public Unknown {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    private static final PageserverDrain NONE = new PageserverDrain(false, new Nodes.Known(Map.of()), Map.of(),
            new UpgradeSpec(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO));

    private final boolean enabled;
    private final Nodes nodes;
    private final Map<Integer, RestartMark> marks;
    private final UpgradeSpec timeouts;

    private PageserverDrain(boolean enabled, Nodes nodes, Map<Integer, RestartMark> marks, UpgradeSpec timeouts) {
        this.enabled = enabled;
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.marks = Map.copyOf(marks);
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    }

    /** Without a storage controller (2022 topology): pageservers restart like every other pod. */
    public static PageserverDrain none() {
        return NONE;
    }

    /**
     * @param nodes    what the storage controller says of its pageserver nodes
     * @param marks    the restart marks on the pageservers' volume claims, by pageserver index
     * @param timeouts the spec's pod ready, drain and fill timeouts
     */
    public static PageserverDrain through(Nodes nodes, Map<Integer, RestartMark> marks, UpgradeSpec timeouts) {
        return new PageserverDrain(true, nodes, marks, timeouts);
    }

    /** The node id of a pageserver pod: its index plus one, as its {@code identity.toml} says. */
    public static NodeId nodeId(PodRef pod) {
        return PageserverNodeSpec.nodeId(pod.index());
    }

    /**
     * The step of a pageserver restart that is under way (its claim carries a mark), which comes before anything else
     * the roll might do, so that no node is left drained or filling; empty when there is none.
     *
     * @param ordered every pod, in roll order; none of them in flight
     */
    Optional<RollStep> unfinished(List<ObservedPod> ordered, Instant now) {
        if (!enabled) {
            return Optional.empty();
        }
        return ordered.stream()
                .filter(p -> p.pod().component().descriptor().drainedByStorageController() && marks.containsKey(p.pod().index()))
                .findFirst()
                .map(p -> goOn(p, marks.get(p.pod().index()), now));
    }

    /**
     * What restarting {@code candidate}, the next outdated pod of the roll, takes: a plain restart, or for a pageserver
     * the start of its drain.
     *
     * @param reason why it is restarted, for the restart's message
     */
    RollStep restart(ObservedPod candidate, String reason, Instant now) {
        PodRef pod = candidate.pod();
        if (!enabled || !pod.component().descriptor().drainedByStorageController()) {
            return new RollStep.Restart(pod, reason);
        }
        if (nodes instanceof Nodes.Unknown unknown) {
            return new RollStep.Blocked(pod, "the storage controller cannot be asked to drain pageserver node "
                    + nodeId(pod) + ": " + unknown.reason());
        }
        return beforeRestart(candidate, Optional.empty(), reason, now);
    }

    /**
     * Whether {@code step} waits on the storage controller (a drain or fill, a node to become Active, a storage controller
     * to answer), whose changes no Kubernetes watch reports, so that the reconciler looks again every {@link #POLL}.
     */
    public boolean watches(RollStep step) {
        return enabled && (step instanceof PageserverStep
                || step instanceof RollStep.Blocked blocked && blocked.pod().component().descriptor().drainedByStorageController());
    }

    private RollStep goOn(ObservedPod candidate, RestartMark mark, Instant now) {
        PodRef pod = candidate.pod();
        NodeId id = nodeId(pod);
        if (nodes instanceof Nodes.Unknown unknown) {
            return new RollStep.Blocked(pod, "the restart of pageserver node " + id + " waits for the storage controller,"
                    + " which cannot be asked: " + unknown.reason());
        }
        Optional<NodeState> state = state(id);
        if (mark.stage() == RestartMark.Stage.FILL) {
            return filling(pod, id, state, mark, now);
        }
        if (candidate.outdated()) {
            return beforeRestart(candidate, Optional.of(mark), "drained for " + pod.name() + "'s restart", now);
        }
        boolean drainedNotRestarted = candidate.createdAt().isBefore(mark.since()) && state.filter(s ->
                s.scheduling() == NodeSchedulingPolicy.DRAINING || s.scheduling() == NodeSchedulingPolicy.PAUSE_FOR_RESTART)
                .isPresent();
        return drainedNotRestarted ? new PageserverStep.UndoDrain(pod, id, state.get()) : afterRestart(candidate, id, state, now);
    }

    private RollStep beforeRestart(ObservedPod candidate, Optional<RestartMark> mark, String reason, Instant now) {
        PodRef pod = candidate.pod();
        NodeId id = nodeId(pod);
        Optional<NodeState> found = state(id);
        if (found.isEmpty()) {
            return new RollStep.Restart(pod, reason + "; pageserver node " + id
                    + " is not registered with the storage controller, so it holds no tenants to move first");
        }
        NodeState state = found.get();
        if (state.scheduling() == NodeSchedulingPolicy.PAUSE_FOR_RESTART) {
            return new RollStep.Restart(pod, reason + "; pageserver node " + id + " is drained (PauseForRestart)");
        }
        if (state.availability() == NodeAvailability.OFFLINE) {
            return new RollStep.Restart(pod, reason + "; the storage controller sees pageserver node " + id
                    + " Offline and has moved its tenants where it could");
        }
        if (state.scheduling() == NodeSchedulingPolicy.PAUSE) {
            return paused(pod, id, "drained");
        }
        if (mark.isPresent()) {
            Instant deadline = mark.get().since().plus(timeouts.drainTimeout());
            if (!now.isBefore(deadline)) {
                return PageserverStep.Halt.timedOut(pod, id, PageserverStep.HaltReason.DRAIN_TIMEOUT, "the drain",
                        mark.get().since(), timeouts.drainTimeout(), state);
            }
            if (state.scheduling() == NodeSchedulingPolicy.DRAINING) {
                return new PageserverStep.WaitForDrain(pod, id, state, deadline, mark.get().shardsWithoutSecondary());
            }
            if (!state.available() || state.scheduling() != NodeSchedulingPolicy.ACTIVE) {
                return new PageserverStep.AwaitNode(pod, id, "to be Active (" + state + ") for its drain", deadline);
            }
            return new PageserverStep.RequestDrain(pod, id, true);
        }
        if (state.scheduling() == NodeSchedulingPolicy.DRAINING) {
            // drained by someone else, or the operator stopped between asking and marking: adopt it, mark first
            return new PageserverStep.RequestDrain(pod, id, false);
        }
        if (!state.available() || state.scheduling() != NodeSchedulingPolicy.ACTIVE) {
            return new RollStep.Blocked(pod, "pageserver node " + id + " is drained once Active (" + state + ")");
        }
        if (known().keySet().stream().allMatch(id::equals)) {
            return new RollStep.Restart(pod, reason + "; it is the only pageserver, so no other can take its tenants:"
                    + " they are offline until it is back");
        }
        Optional<String> busy = known().entrySet().stream()
                .filter(e -> !e.getKey().equals(id) && e.getValue().showsOperation())
                .map(e -> "node " + e.getKey() + " (" + e.getValue() + ")")
                .sorted()
                .reduce((a, b) -> a + ", " + b);
        if (busy.isPresent()) {
            return new RollStep.Blocked(pod, "the storage controller runs one drain, fill or delete at a time, and "
                    + busy.get() + " shows one: pageserver node " + id + " is drained after it");
        }
        return new PageserverStep.RequestDrain(pod, id, false);
    }

    private RollStep afterRestart(ObservedPod candidate, NodeId id, Optional<NodeState> found, Instant now) {
        PodRef pod = candidate.pod();
        Instant deadline = candidate.createdAt().plus(timeouts.podReadyTimeout());
        if (found.isPresent() && found.get().scheduling() == NodeSchedulingPolicy.FILLING) {
            return new PageserverStep.RequestFill(pod, id);
        }
        if (found.isPresent() && found.get().scheduling() == NodeSchedulingPolicy.PAUSE) {
            return paused(pod, id, "filled");
        }
        if (found.isPresent() && found.get().available() && found.get().scheduling() == NodeSchedulingPolicy.ACTIVE) {
            return new PageserverStep.RequestFill(pod, id);
        }
        String where = found.map(s -> "Active again after its restart (" + s + ")")
                .orElse("registered with the storage controller after its restart");
        if (!now.isBefore(deadline)) {
            return new PageserverStep.Halt(pod, id, PageserverStep.HaltReason.NOT_ACTIVE, "pageserver node " + id
                    + " (pod " + pod.name() + ", created at " + candidate.createdAt() + ") was not " + where + " within "
                    + RollStep.Halted.human(timeouts.podReadyTimeout()) + ", so it cannot be filled");
        }
        return new PageserverStep.AwaitNode(pod, id, "to be " + where, deadline);
    }

    private RollStep filling(PodRef pod, NodeId id, Optional<NodeState> found, RestartMark mark, Instant now) {
        if (found.isEmpty() || found.get().scheduling() != NodeSchedulingPolicy.FILLING) {
            return new PageserverStep.FillEnded(pod, id);
        }
        Instant deadline = mark.since().plus(timeouts.fillTimeout());
        if (!now.isBefore(deadline)) {
            return PageserverStep.Halt.timedOut(pod, id, PageserverStep.HaltReason.FILL_TIMEOUT, "the fill", mark.since(),
                    timeouts.fillTimeout(), found.get());
        }
        return new PageserverStep.WaitForFill(pod, id, deadline);
    }

    private static RollStep paused(PodRef pod, NodeId id, String what) {
        return new PageserverStep.Halt(pod, id, PageserverStep.HaltReason.PAUSED, "pageserver node " + id + " (pod "
                + pod.name() + ") is Paused in the storage controller, which leaves a paused node alone, so it cannot be "
                + what + "; the operator does not override that policy: set it Active (PUT /control/v1/node/" + id
                + "/config) to go on");
    }

    private Optional<NodeState> state(NodeId id) {
        return Optional.ofNullable(known().get(id));
    }

    private Map<NodeId, NodeState> known() {
        return nodes instanceof Nodes.Known known ? known.byId() : Map.of();
    }
}

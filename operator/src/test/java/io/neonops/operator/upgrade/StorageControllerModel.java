package io.neonops.operator.upgrade;

import io.neonops.controlplane.cluster.UpgradeSpec;
import io.neonops.controller.api.NodeAvailability;
import io.neonops.controller.api.NodeSchedulingPolicy;
import io.neonops.storage.common.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the pageserver drain decides on besides the pods, for the tests: the storage controller's nodes and the restart
 * marks on the pageservers' claims. Every node starts Active in both respects; nothing is marked.
 */
final class StorageControllerModel {

    static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(15);
    static final Duration FILL_TIMEOUT = Duration.ofMinutes(5);
    static final UpgradeSpec TIMEOUTS = new UpgradeSpec(Clusters.TIMEOUT, DRAIN_TIMEOUT, FILL_TIMEOUT, Clusters.TIMEOUT);
    static final NodeState IN_SERVICE = new NodeState(NodeAvailability.ACTIVE, NodeSchedulingPolicy.ACTIVE);

    private final Map<NodeId, NodeState> nodes = new TreeMap<>((a, b) -> Long.compare(a.value(), b.value()));
    private final Map<Integer, RestartMark> marks = new TreeMap<>();
    private String unreachable;

    /** Pageserver nodes 1..count, Active. */
    static StorageControllerModel withNodes(int count) {
        StorageControllerModel model = new StorageControllerModel();
        for (long id = 1; id <= count; id++) {
            model.nodes.put(NodeId.of(id), IN_SERVICE);
        }
        return model;
    }

    StorageControllerModel node(long id, NodeAvailability availability, NodeSchedulingPolicy scheduling) {
        nodes.put(NodeId.of(id), new NodeState(availability, scheduling));
        return this;
    }

    StorageControllerModel node(long id, NodeSchedulingPolicy scheduling) {
        return node(id, NodeAvailability.ACTIVE, scheduling);
    }

    StorageControllerModel without(long id) {
        nodes.remove(NodeId.of(id));
        return this;
    }

    StorageControllerModel mark(int pageserver, RestartMark.Stage stage, Instant since, String... shardsWithoutSecondary) {
        marks.put(pageserver, new RestartMark(stage, since, List.of(shardsWithoutSecondary)));
        return this;
    }

    StorageControllerModel unmark(int pageserver) {
        marks.remove(pageserver);
        return this;
    }

    StorageControllerModel unreachable(String reason) {
        unreachable = reason;
        return this;
    }

    NodeState state(long id) {
        return nodes.get(NodeId.of(id));
    }

    Map<NodeId, NodeState> nodes() {
        return Map.copyOf(nodes);
    }

    Map<Integer, RestartMark> marks() {
        return Map.copyOf(marks);
    }

    PageserverDrain drain() {
        PageserverDrain.Nodes view = unreachable == null ? new PageserverDrain.Nodes.Known(nodes)
                : new PageserverDrain.Nodes.Unknown(unreachable);
        return PageserverDrain.through(view, marks, TIMEOUTS);
    }

    RollStep next(List<ObservedPod> pods, SpecSummary target, Instant now) {
        return RollingUpgradePlanner.next(pods, target, Clusters.TIMEOUT, drain(), now);
    }

    /** What a storage controller that does everything in one poll, and the operator's actions, make of a step. */
    List<String> apply(PageserverStep step, Instant now) {
        List<String> calls = new ArrayList<>();
        NodeId node = step.node();
        int index = step.pod().index();
        if (step instanceof PageserverStep.RequestDrain) {
            marks.putIfAbsent(index, new RestartMark(RestartMark.Stage.DRAIN, now, List.of()));
            nodes.put(node, new NodeState(NodeAvailability.ACTIVE, NodeSchedulingPolicy.DRAINING));
            calls.add("drain " + node);
        } else if (step instanceof PageserverStep.WaitForDrain) {
            nodes.put(node, new NodeState(NodeAvailability.ACTIVE, NodeSchedulingPolicy.PAUSE_FOR_RESTART));
        } else if (step instanceof PageserverStep.AwaitNode || step instanceof PageserverStep.WaitForFill) {
            nodes.put(node, IN_SERVICE);
        } else if (step instanceof PageserverStep.RequestFill) {
            marks.put(index, new RestartMark(RestartMark.Stage.FILL, now, List.of()));
            nodes.put(node, new NodeState(NodeAvailability.ACTIVE, NodeSchedulingPolicy.FILLING));
            calls.add("fill " + node);
        } else if (step instanceof PageserverStep.UndoDrain) {
            nodes.put(node, IN_SERVICE);
        } else if (step instanceof PageserverStep.FillEnded) {
            marks.remove(index);
        } else {
            throw new AssertionError("halted: " + step.message());
        }
        return calls;
    }

    /** A pageserver that restarts re-attaches: PauseForRestart and Draining go back to Active, and it warms up. */
    void reAttach(long id) {
        NodeState before = nodes.get(NodeId.of(id));
        if (before != null) {
            NodeSchedulingPolicy kept = before.scheduling() == NodeSchedulingPolicy.PAUSE ? NodeSchedulingPolicy.PAUSE
                    : NodeSchedulingPolicy.ACTIVE;
            nodes.put(NodeId.of(id), new NodeState(NodeAvailability.WARMING_UP, kept));
        }
    }
}

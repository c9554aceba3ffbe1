package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.neonops.controller.api.NodeConfigureRequest;
import io.neonops.controller.api.NodeOperationAnswer;
import io.neonops.controller.api.NodeSchedulingPolicy;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controller.api.TenantShardId;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.reconcile.ClusterEvents.Type;
import io.neonops.operator.resources.ResourceNames;
import io.neonops.operator.status.Refusal;
import io.neonops.operator.storcon.ObservedStorageController;
import io.neonops.operator.upgrade.NodeState;
import io.neonops.operator.upgrade.PageserverDrain;
import io.neonops.operator.upgrade.PageserverStep;
import io.neonops.operator.upgrade.RestartMark;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.NeonApiException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pageserver drain/fill restart's side of a reconcile: reads what {@link PageserverDrain} decides on (the storage
 * controller's nodes from the reconcile's one listing, the {@link RestartMark}s on the pageservers' claims) and carries
 * out the step it decided: the storage controller's drain and fill calls, the marks, and an Event per decision. Every
 * answer the storage controller documents is expected; the next reconcile reads where things are and goes on.
 */
final class PageserverDrainActions {

    /** Events: a drain or fill asked for, a drain recovered, a pageserver done, shards that go offline. */
    static final String DRAIN_STARTED = "PageserverDrainStarted";
    static final String DRAIN_RECOVERED = "PageserverDrainRecovered";
    static final String DRAIN_UNDONE = "PageserverDrainUndone";
    static final String FILL_STARTED = "PageserverFillStarted";
    static final String FILL_SKIPPED = "PageserverFillSkipped";
    static final String RESTART_DONE = "PageserverRestartDone";
    static final String SHARDS_WITHOUT_SECONDARY = "ShardsWithoutSecondary";

    private static final Logger LOG = LoggerFactory.getLogger(PageserverDrainActions.class);
    private static final String NO_OTHER_NODES = "No other nodes to fill from";

    private PageserverDrainActions() {
    }

    /** What the planner decides on for {@code spec}'s pageservers: nothing for a cluster without a storage controller. */
    static PageserverDrain decisionInput(ClusterSpec spec, ObservedStorageController controller, ObservedCluster current) {
        if (spec.storageController().isEmpty()) {
            return PageserverDrain.none();
        }
        Map<Integer, RestartMark> marks = new HashMap<>();
        for (int index = 0; index < Component.PAGESERVER.replicas(spec); index++) {
            int i = index;
            current.find(PersistentVolumeClaim.class, ResourceNames.volumeClaim(spec, Component.PAGESERVER, index))
                    .flatMap(claim -> RestartMark.read(claim.getMetadata().getAnnotations()))
                    .ifPresent(mark -> marks.put(i, mark));
        }
        return PageserverDrain.through(nodes(controller), marks, spec.upgrade());
    }

    private static PageserverDrain.Nodes nodes(ObservedStorageController controller) {
        if (controller instanceof ObservedStorageController.Listed listed) {
            Map<NodeId, NodeState> byId = new HashMap<>();
            listed.pageservers().forEach(n -> byId.put(n.id(), new NodeState(n.availability(), n.scheduling())));
            return new PageserverDrain.Nodes.Known(byId);
        }
        if (controller instanceof ObservedStorageController.NotReady notReady) {
            return new PageserverDrain.Nodes.Unknown(notReady.reason());
        }
        if (controller instanceof ObservedStorageController.NoToken noToken) {
            return new PageserverDrain.Nodes.Unknown(noToken.reason());
        }
        if (controller instanceof ObservedStorageController.Unreachable unreachable) {
            return new PageserverDrain.Nodes.Unknown(unreachable.reason());
        }
        return new PageserverDrain.Nodes.Unknown("the cluster has no storage controller");
    }

    /** Where one step is carried out: the cluster, its claims as observed, and whom to tell. */
    record Target(NeonCluster cluster, ClusterSpec spec, ObservedCluster current, KubernetesClient kubernetes,
                  ClusterEvents events, Instant now) {
    }

    /**
     * Carries out {@code step}; a call the storage controller fails (not one of its documented answers) comes back as a
     * problem, retried at the next poll, and a mark the API server refuses as a write failure.
     */
    static Optional<Refusal> carryOut(PageserverStep step, Optional<StorageControllerClient> client, Target target,
                                      List<WriteFailure> failures) {
        if (step instanceof PageserverStep.AwaitNode || step instanceof PageserverStep.WaitForFill
                || step instanceof PageserverStep.Halt) {
            return Optional.empty();
        }
        if (step instanceof PageserverStep.FillEnded ended) {
            unmark(target, ended, failures);
            target.events().record(target.cluster(), Type.Normal, RESTART_DONE, "Fill", "pageserver node " + ended.node()
                    + " (pod " + ended.pod().name() + ") was drained, restarted and filled", null);
            return Optional.empty();
        }
        if (client.isEmpty()) {
            return Optional.of(problem(step, "the storage controller was not listed in this reconcile"));
        }
        try {
            if (step instanceof PageserverStep.RequestDrain request) {
                requestDrain(request, client.get(), target, failures);
            } else if (step instanceof PageserverStep.WaitForDrain wait) {
                // asking again tells a running drain (412) from one the storage controller lost when it restarted (409)
                answerToDrain(wait, client.get().startDrain(wait.node()), client.get(), target, false);
            } else if (step instanceof PageserverStep.UndoDrain undo) {
                undoDrain(undo, client.get(), target);
            } else if (step instanceof PageserverStep.RequestFill request) {
                requestFill(request, client.get(), target, failures);
            }
            return Optional.empty();
        } catch (NeonApiException e) {
            return Optional.of(problem(step, e.getMessage()));
        }
    }

    private static Refusal problem(PageserverStep step, String why) {
        return new Refusal(Refusal.PAGESERVER_DRAIN_CALL_FAILED, "the storage controller could not be asked for the "
                + step.stage() + " step of pageserver node " + step.node() + ": " + why + "; retrying");
    }

    private static void requestDrain(PageserverStep.RequestDrain request, StorageControllerClient client, Target target,
                                     List<WriteFailure> failures) {
        Optional<PersistentVolumeClaim> claim = claim(target, request);
        if (claim.isPresent() && RestartMark.read(claim.get().getMetadata().getAnnotations()).isEmpty()) {
            List<String> stuck = client.listTenants().stream()
                    .flatMap(tenant -> tenant.shardsStuckOn(request.node()).stream())
                    .map(TenantShardId::toString)
                    .toList();
            if (!stuck.isEmpty()) {
                target.events().record(target.cluster(), Type.Warning, SHARDS_WITHOUT_SECONDARY, "Drain", stuck.size()
                        + " shards attached to pageserver node " + request.node() + " have no secondary the drain could move"
                        + " them to, so they are offline while pod " + request.pod().name() + " restarts: "
                        + String.join(", ", stuck) + "; a tenant placement policy with a secondary ({\"Attached\":1})"
                        + " keeps them online", null);
            }
            if (!mark(target, claim.get(), new RestartMark(RestartMark.Stage.DRAIN, target.now(), stuck), failures)) {
                return;
            }
        }
        answerToDrain(request, client.startDrain(request.node()), client, target, request.again());
    }

    private static void answerToDrain(PageserverStep step, NodeOperationAnswer answer, StorageControllerClient client,
                                      Target target, boolean again) {
        switch (answer.kind()) {
            case ACCEPTED -> target.events().record(target.cluster(), Type.Normal, DRAIN_STARTED, "Drain",
                    "asked the storage controller to drain pageserver node " + step.node() + " before restarting pod "
                            + step.pod().name() + (again ? ", again: its drain ended before PauseForRestart" : ""), null);
            case ALREADY_IN_PROGRESS -> recover(step, client, target);
            // another operation runs (wait), the node warms up (wait), or its state says what comes next
            default -> LOG.debug("{}: drain of pageserver node {}: {}", target.cluster().getMetadata().getName(),
                    step.node(), answer);
        }
    }

    /**
     * A node left {@code Draining} with nothing running (the storage controller restarted under the drain): setting it
     * Active is allowed then, and the next reconcile asks for the drain again.
     */
    private static void recover(PageserverStep step, StorageControllerClient client, Target target) {
        NodeOperationAnswer answer = client.configureNode(NodeConfigureRequest.scheduling(step.node(), NodeSchedulingPolicy.ACTIVE));
        if (answer.accepted()) {
            target.events().record(target.cluster(), Type.Warning, DRAIN_RECOVERED, "Drain", "pageserver node "
                    + step.node() + " was left Draining with no drain running (the storage controller restarted under it):"
                    + " set it Active to ask for the drain again", null);
        } else {
            LOG.info("{}: recovering pageserver node {} from Draining: {}", target.cluster().getMetadata().getName(),
                    step.node(), answer);
        }
    }

    private static void undoDrain(PageserverStep.UndoDrain undo, StorageControllerClient client, Target target) {
        NodeOperationAnswer answer = undo.state().scheduling() == NodeSchedulingPolicy.DRAINING
                ? client.cancelDrain(undo.node())
                : client.configureNode(NodeConfigureRequest.scheduling(undo.node(), NodeSchedulingPolicy.ACTIVE));
        if (answer.accepted()) {
            target.events().record(target.cluster(), Type.Normal, DRAIN_UNDONE, "Drain", undo.message()
                    + "; it is filled next", null);
        } else if (answer.kind() == NodeOperationAnswer.Kind.NOT_ALLOWED) {
            // no drain running to cancel: left Draining by a storage controller restart
            recover(undo, client, target);
        } else {
            LOG.info("{}: undoing the drain of pageserver node {}: {}", target.cluster().getMetadata().getName(),
                    undo.node(), answer);
        }
    }

    private static void requestFill(PageserverStep.RequestFill request, StorageControllerClient client, Target target,
                                    List<WriteFailure> failures) {
        NodeOperationAnswer answer = client.startFill(request.node());
        Optional<PersistentVolumeClaim> claim = claim(target, request);
        List<String> stuck = claim.flatMap(c -> RestartMark.read(c.getMetadata().getAnnotations()))
                .map(RestartMark::shardsWithoutSecondary).orElse(List.of());
        switch (answer.kind()) {
            case ACCEPTED, ALREADY_IN_PROGRESS -> {
                claim.ifPresent(c -> mark(target, c, new RestartMark(RestartMark.Stage.FILL, target.now(), stuck), failures));
                if (answer.accepted()) {
                    target.events().record(target.cluster(), Type.Normal, FILL_STARTED, "Fill", "pod "
                            + request.pod().name() + " restarted: asked the storage controller to fill pageserver node "
                            + request.node(), null);
                }
            }
            case NOT_ALLOWED, NODE_NOT_FOUND -> {
                if (answer.kind() == NodeOperationAnswer.Kind.NODE_NOT_FOUND
                        || answer.serverMessage().filter(m -> m.contains(NO_OTHER_NODES)).isPresent()) {
                    unmark(target, request, failures);
                    target.events().record(target.cluster(), Type.Normal, FILL_SKIPPED, "Fill", "pageserver node "
                            + request.node() + " (pod " + request.pod().name() + ") restarted; no fill: " + answer, null);
                } else {
                    LOG.info("{}: fill of pageserver node {}: {}", target.cluster().getMetadata().getName(),
                            request.node(), answer);
                }
            }
            // another operation runs, or the node still warms up: asked again at the next poll
            default -> LOG.debug("{}: fill of pageserver node {}: {}", target.cluster().getMetadata().getName(),
                    request.node(), answer);
        }
    }

    private static Optional<PersistentVolumeClaim> claim(Target target, PageserverStep step) {
        return target.current().find(PersistentVolumeClaim.class,
                ResourceNames.volumeClaim(target.spec(), Component.PAGESERVER, step.pod().index()));
    }

    private static boolean mark(Target target, PersistentVolumeClaim claim, RestartMark mark, List<WriteFailure> failures) {
        return editAnnotations(target, claim, annotations -> {
            RestartMark.ANNOTATIONS.forEach(annotations::remove);
            annotations.putAll(mark.annotations());
        }, "marking", failures);
    }

    private static void unmark(Target target, PageserverStep step, List<WriteFailure> failures) {
        claim(target, step).filter(c -> RestartMark.read(c.getMetadata().getAnnotations()).isPresent()).ifPresent(c ->
                editAnnotations(target, c, annotations -> RestartMark.ANNOTATIONS.forEach(annotations::remove),
                        "unmarking", failures));
    }

    /**
     * A JSON patch of the claim's annotations from its latest version, so that nothing else on it is touched; a patch,
     * not an apply, so that the operator's server-side applies of the claim (another field manager) never drop them.
     */
    private static boolean editAnnotations(Target target, PersistentVolumeClaim claim, Consumer<Map<String, String>> change,
                                           String verb, List<WriteFailure> failures) {
        try {
            target.kubernetes().persistentVolumeClaims().inNamespace(claim.getMetadata().getNamespace())
                    .withName(claim.getMetadata().getName()).edit(latest -> {
                        Map<String, String> annotations = latest.getMetadata().getAnnotations() == null
                                ? new HashMap<>() : new HashMap<>(latest.getMetadata().getAnnotations());
                        change.accept(annotations);
                        latest.getMetadata().setAnnotations(annotations);
                        return latest;
                    });
            return true;
        } catch (KubernetesClientException e) {
            failures.add(WriteFailure.of(verb, claim, e));
            return false;
        }
    }
}

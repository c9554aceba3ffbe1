package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.neonops.controller.api.NodeConfigureRequest;
import io.neonops.controller.api.NodeOperationAnswer;
import io.neonops.controller.api.NodeSchedulingPolicy;
import io.neonops.controller.api.PageserverNode;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.DeletionPolicy;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.PageserverNodeSpec;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.reconcile.ClusterEvents.Type;
import io.neonops.operator.resources.ResourceNames;
import io.neonops.operator.status.Refusal;
import io.neonops.operator.storcon.ObservedStorageController;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.NeonApiException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the pageservers a modern cluster's spec no longer wants ({@code spec.pageserver.replicas} lowered), the
 * highest index first, one at a time: the storage controller's node delete ({@code PUT /control/v1/node/{id}/delete},
 * the non-deprecated one), which moves every shard off the node and waits for them, as a drain does; once the node is
 * gone from the storage controller, the pod; then its volume under {@code deletionPolicy: Delete} (under Retain it
 * stays). A 2022 cluster's pageservers hold their tenants themselves: their scale-down stays refused ({@link SafetyCheck}).
 * <p>
 * The state is the storage controller's (the node, its {@code Deleting} policy) and the objects that exist, so an
 * operator restart at any step goes on from there. A delete the storage controller lost when it restarted (the node
 * stays {@code Deleting}, a new delete answers 409) is recovered by setting the node Active and asking again.
 */
final class PageserverRemoval {

    static final String REMOVAL_STARTED = "PageserverRemovalStarted";
    static final String REMOVAL_RECOVERED = "PageserverRemovalRecovered";
    static final String REMOVED = "PageserverRemoved";
    /** Progressing while a pageserver is removed. */
    static final String REMOVING = "PageserverRemoval";

    private static final Logger LOG = LoggerFactory.getLogger(PageserverRemoval.class);

    private PageserverRemoval() {
    }

    /** Whether {@code component}'s extra nodes are removed here rather than refused. */
    static boolean removesThroughStorageController(ClusterSpec spec, Component component) {
        return spec.storageController().isPresent() && component.descriptor().drainedByStorageController();
    }

    /** What the removal does next; {@link None} when no pageserver is left to remove. */
    sealed interface Step {

        /** A few words for the Progressing condition; empty for {@link None}. */
        String message();
    }

    record None() implements Step {
        @Override
        public String message() {
            return "";
        }
    }

    /** The storage controller cannot be asked, or the pod is still terminating. */
    record Wait(String message) implements Step {
        public Wait {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Ask the storage controller to move the node's shards away and delete it; also while it shows Deleting. */
    record DeleteNode(int index, NodeId node, boolean deleting) implements Step {
        @Override
        public String message() {
            return (deleting ? "the storage controller moves the shards of pageserver node " + node + " away before deleting it"
                    : "asking the storage controller to delete pageserver node " + node) + " (spec.pageserver.replicas"
                    + " no longer wants pageserver " + index + ")";
        }
    }

    /** The node is gone from the storage controller: delete the pod, or its volume under deletionPolicy Delete. */
    record DeleteObject(int index, HasMetadata object) implements Step {
        @Override
        public String message() {
            return "deleting " + object.getKind() + " " + object.getMetadata().getName()
                    + " of a pageserver the storage controller no longer has";
        }
    }

    static Step next(ClusterSpec spec, ObservedCluster observed, ObservedStorageController controller) {
        if (!removesThroughStorageController(spec, Component.PAGESERVER)) {
            return new None();
        }
        int replicas = Component.PAGESERVER.replicas(spec);
        TreeSet<Integer> pending = new TreeSet<>();
        observed.all(Pod.class).forEach(p -> extra(spec, p, replicas).ifPresent(pending::add));
        if (spec.deletionPolicy() == DeletionPolicy.Delete) {
            observed.all(PersistentVolumeClaim.class).forEach(c -> extra(spec, c, replicas).ifPresent(pending::add));
        }
        if (controller instanceof ObservedStorageController.Listed listed) {
            listed.pageservers().stream().map(PageserverNode::id).map(id -> (int) (id.value() - 1))
                    .filter(index -> index >= replicas).forEach(pending::add);
        }
        if (pending.isEmpty()) {
            return new None();
        }
        int index = pending.last();
        NodeId node = PageserverNodeSpec.nodeId(index);
        if (!controller.isListed()) {
            return new Wait("pageserver node " + node + " is removed once the storage controller can be asked: "
                    + reason(controller));
        }
        Optional<PageserverNode> registered = controller.node(node);
        if (registered.isPresent()) {
            return new DeleteNode(index, node, registered.get().scheduling() == NodeSchedulingPolicy.DELETING);
        }
        Optional<Pod> pod = observed.find(Pod.class, ResourceNames.pod(spec, Component.PAGESERVER, index));
        if (pod.isPresent()) {
            return pod.get().getMetadata().getDeletionTimestamp() == null ? new DeleteObject(index, pod.get())
                    : new Wait("waiting for pod " + pod.get().getMetadata().getName() + " to terminate");
        }
        return observed.find(PersistentVolumeClaim.class, ResourceNames.volumeClaim(spec, Component.PAGESERVER, index))
                .<Step>map(claim -> new DeleteObject(index, claim))
                .orElseGet(None::new);
    }

    private static OptionalInt extra(ClusterSpec spec, HasMetadata object, int replicas) {
        OptionalInt index = ResourceNames.nodeIndex(spec, Component.PAGESERVER, object.getMetadata().getName());
        return index.isPresent() && index.getAsInt() >= replicas ? index : OptionalInt.empty();
    }

    private static String reason(ObservedStorageController controller) {
        if (controller instanceof ObservedStorageController.NotReady notReady) {
            return notReady.reason();
        }
        if (controller instanceof ObservedStorageController.NoToken noToken) {
            return noToken.reason();
        }
        return controller instanceof ObservedStorageController.Unreachable unreachable ? unreachable.reason() : "not listed";
    }

    /**
     * Carries out {@code step}; what the storage controller fails or refuses for good comes back as a problem, retried.
     */
    static Optional<Refusal> carryOut(Step step, NeonCluster cluster, Optional<StorageControllerClient> client,
                                      KubernetesClient kubernetes, ClusterEvents events, List<WriteFailure> failures) {
        if (step instanceof DeleteNode delete && client.isPresent()) {
            try {
                return deleteNode(delete, cluster, client.get(), events);
            } catch (NeonApiException e) {
                return Optional.of(new Refusal(Refusal.PAGESERVER_REMOVAL_FAILED, "deleting pageserver node " + delete.node()
                        + " from the storage controller failed: " + e.getMessage() + "; retrying"));
            }
        }
        if (step instanceof DeleteObject delete) {
            try {
                kubernetes.resource(delete.object()).delete();
                events.record(cluster, Type.Normal, REMOVED, "Remove", "deleted " + delete.object().getKind() + " "
                        + delete.object().getMetadata().getName() + ": pageserver node " + PageserverNodeSpec.nodeId(delete.index())
                        + " is gone from the storage controller", delete.object());
            } catch (KubernetesClientException e) {
                failures.add(WriteFailure.of("deleting", delete.object(), e));
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> deleteNode(DeleteNode delete, NeonCluster cluster, StorageControllerClient client,
                                                ClusterEvents events) {
        NodeOperationAnswer answer = client.startNodeDelete(delete.node(), false);
        switch (answer.kind()) {
            case ACCEPTED -> events.record(cluster, Type.Normal, REMOVAL_STARTED, "Remove", "asked the storage controller"
                    + " to move the shards of pageserver node " + delete.node() + " away and delete it", null);
            case ALREADY_IN_PROGRESS -> {
                if (!delete.deleting()) {
                    break;
                }
                // Deleting with nothing running: the storage controller restarted under the delete
                NodeOperationAnswer reset = client.configureNode(NodeConfigureRequest.scheduling(delete.node(),
                        NodeSchedulingPolicy.ACTIVE));
                if (reset.accepted()) {
                    events.record(cluster, Type.Warning, REMOVAL_RECOVERED, "Remove", "pageserver node " + delete.node()
                            + " was left Deleting with no delete running (the storage controller restarted under it):"
                            + " set it Active to ask for the delete again", null);
                }
            }
            case NOT_ALLOWED -> {
                if (answer.serverMessage().filter(m -> m.contains("No other schedulable")).isPresent()) {
                    return Optional.of(new Refusal(Refusal.PAGESERVER_REMOVAL_FAILED, "spec.pageserver.replicas: the"
                            + " storage controller cannot delete pageserver node " + delete.node() + ": " + answer
                            + "; no other pageserver can take its shards"));
                }
                LOG.info("{}: delete of pageserver node {}: {}", cluster.getMetadata().getName(), delete.node(), answer);
            }
            // another operation runs (wait), or the node is gone already
            default -> LOG.debug("{}: delete of pageserver node {}: {}", cluster.getMetadata().getName(), delete.node(), answer);
        }
        return Optional.empty();
    }
}

package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.metrics.OperatorMetrics;
import io.neonops.operator.reconcile.ClusterEvents.Type;
import io.neonops.operator.upgrade.RollStep;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a rolling upgrade restarts a pod: it deletes the pod, and the core recreates it on its
 * volume with the desired spec; an Event says why and the pods-restarted metric counts it.
 * <p>
 * It also remembers the pods it deleted until the informer shows them gone. The roll itself needs no memory
 * (it reads everything from the pods), but a reconcile that runs before the deletion's watch event arrives
 * would otherwise see the old pod still there and restart it a second time.
 */
final class PodRestarts {

    public static final String REASON = "PodRestarted";
    private static final Logger LOG = LoggerFactory.getLogger(PodRestarts.class);

    private final OperatorMetrics metrics;
    private final Map<ResourceID, Set<String>> deletedUids = new ConcurrentHashMap<>();

    PodRestarts(OperatorMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Uids of the cluster's pods deleted here that {@code observed} still shows; the others are forgotten. */
    Set<String> notYetGone(NeonCluster cluster, ObservedCluster observed) {
        Set<String> observedUids = observed.all(Pod.class).stream().map(p -> p.getMetadata().getUid())
                .collect(Collectors.toSet());
        Set<String> remembered = deletedUids.computeIfPresent(ResourceID.fromResource(cluster), (id, uids) -> {
            uids.retainAll(observedUids);
            return uids.isEmpty() ? null : uids;
        });
        return remembered == null ? Set.of() : Set.copyOf(remembered);
    }

    /**
     * Deletes {@code pod} as it was observed: if it changed meanwhile (a newer resource version) or is gone
     * already, nothing is deleted and the next reconcile decides again.
     *
     * @return whether the pod was deleted
     */
    boolean restart(NeonCluster cluster, Pod pod, RollStep.Restart step, KubernetesClient client, ClusterEvents events) {
        List<StatusDetails> deleted;
        try {
            deleted = client.resource(pod).lockResourceVersion(pod.getMetadata().getResourceVersion()).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                LOG.debug("pod {} changed since it was observed; not restarting it now", pod.getMetadata().getName());
                return false;
            }
            throw e;
        }
        if (deleted.isEmpty()) {
            return false;
        }
        deletedUids.computeIfAbsent(ResourceID.fromResource(cluster), id -> ConcurrentHashMap.newKeySet())
                .add(pod.getMetadata().getUid());
        metrics.podRestarted(step.pod().component());
        events.record(cluster, Type.Normal, REASON, "Restart", step.message(), pod);
        return true;
    }
}

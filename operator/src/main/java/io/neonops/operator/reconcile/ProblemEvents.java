package io.neonops.operator.reconcile;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.reconcile.ClusterEvents.Type;
import io.neonops.operator.status.Refusal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One Warning Event per problem of a cluster (a lost volume, a refused write) when it appears, not one per pass
 * while it lasts. Kept in memory rather than read from the status, because the cluster a pass receives may not yet
 * carry the status the previous pass wrote; a new operator process reports the problems that remain once more.
 */
final class ProblemEvents {

    private final Map<ResourceID, Set<String>> reported = new ConcurrentHashMap<>();

    /** Records an Event for each of {@code problems} not reported by the previous pass of {@code cluster}. */
    void record(NeonCluster cluster, List<Refusal> problems, ClusterEvents events) {
        ResourceID id = ResourceID.fromResource(cluster);
        Set<String> before = reported.getOrDefault(id, Set.of());
        problems.stream().filter(problem -> !before.contains(problem.message())).forEach(problem ->
                events.record(cluster, Type.Warning, problem.reason(), "Reconcile", problem.message(), null));
        if (problems.isEmpty()) {
            reported.remove(id);
        } else {
            reported.put(id, problems.stream().map(Refusal::message).collect(Collectors.toUnmodifiableSet()));
        }
    }
}

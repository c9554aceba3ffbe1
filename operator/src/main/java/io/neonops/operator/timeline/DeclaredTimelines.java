package io.neonops.operator.timeline;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.neonops.operator.tenant.DesiredTenant;
import io.neonops.operator.tenant.NeonTenant;
import io.neonops.operator.upgrade.TimelinePgVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Postgres majors of the NeonTimeline resources on a cluster, which the cluster's Postgres-version gate counts
 * besides what its pageservers hold: a timeline declared but not created yet still needs its major. A timeline
 * counts with the major its status shows, else the one its spec asks for; a branch not created yet has its parent's.
 */
public final class DeclaredTimelines {

    private DeclaredTimelines() {
    }

    /** Lists the namespace's NeonTenants and NeonTimelines: called only when a major is about to be removed. */
    public static List<TimelinePgVersion> of(KubernetesClient client, String namespace, String cluster) {
        return of(client.resources(NeonTenant.class).inNamespace(namespace).list().getItems(),
                client.resources(NeonTimeline.class).inNamespace(namespace).list().getItems(), cluster);
    }

    public static List<TimelinePgVersion> of(List<NeonTenant> tenants, List<NeonTimeline> timelines, String cluster) {
        Map<String, String> tenantIds = tenants.stream()
                .filter(t -> t.getSpec() != null && cluster.equals(t.getSpec().getCluster()))
                .collect(Collectors.toMap(t -> t.getMetadata().getName(), t -> DesiredTenant.idOf(t).hex()));
        return timelines.stream()
                .filter(t -> t.getSpec() != null && tenantIds.containsKey(t.getSpec().getTenant()))
                .flatMap(t -> major(t).map(major -> new TimelinePgVersion(tenantIds.get(t.getSpec().getTenant()),
                        DesiredTimeline.idOf(t).hex(), major)).stream())
                .toList();
    }

    private static Optional<Integer> major(NeonTimeline timeline) {
        return Optional.ofNullable(timeline.getStatus()).map(NeonTimelineStatus::getPgVersion)
                .or(() -> Optional.ofNullable(timeline.getSpec().getPgVersion()));
    }
}

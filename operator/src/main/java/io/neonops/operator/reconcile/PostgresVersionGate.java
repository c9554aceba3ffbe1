package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.pageserver.PageserverApiToken;
import io.neonops.operator.pageserver.PageserverTimelines;
import io.neonops.operator.resources.NodePods;
import io.neonops.operator.resources.ResourceLabels;
import io.neonops.operator.resources.ResourceNames;
import io.neonops.operator.status.UpgradeStatusMapping;
import io.neonops.operator.upgrade.PostgresVersionChange;
import io.neonops.operator.upgrade.SpecSummary;
import io.neonops.operator.upgrade.SpecSummaryAnnotations;
import io.neonops.operator.upgrade.TimelineLookup;
import io.neonops.operator.upgrade.TimelinePgVersion;
import io.neonops.operator.upgrade.UpgradeStatus;
import io.neonops.operator.upgrade.VersionDecision;
import io.neonops.storage.common.PgMajorVersion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Whether the spec's Postgres majors may replace the ones the cluster serves: removing one is asked of the
 * pageservers before anything is written.
 * <p>
 * The majors served are those the pods that serve Postgres (the pageservers) record, and those
 * {@code status.postgres} shows (so a pageserver whose pod is gone still counts). The timelines that block a removal
 * are those the pageservers hold and those NeonTimeline resources declare on the cluster. The question is asked when a roll towards the spec's majors
 * begins, not again while it goes on: by then the pageservers being restarted cannot answer, and refusing
 * would leave the roll stuck with a pod down. That the roll was allowed shows in {@code status.upgrade.to},
 * which only an accepted spec writes.
 */
final class PostgresVersionGate {

    private PostgresVersionGate() {
    }

    /**
     * @param tokenFor what to present to the pageservers' API of a cluster; read only when they are asked
     * @param declared the timelines NeonTimeline resources declare on the cluster; read only when a major is removed
     */
    static VersionDecision decide(NeonCluster cluster, ClusterSpec spec, ObservedCluster observed, PageserverTimelines timelines,
                                  Function<ClusterSpec, PageserverApiToken> tokenFor,
                                  Supplier<List<TimelinePgVersion>> declared) {
        PostgresVersionChange change = PostgresVersionChange.between(served(cluster.getStatus(), observed), spec.postgres());
        if (rollAlreadyAccepted(cluster.getStatus(), spec)) {
            return new VersionDecision.Allowed(change);
        }
        return change.decide(() -> withDeclared(
                timelines.lookup(spec, pageserversWithData(spec, observed), tokenFor.apply(spec)), declared.get()));
    }

    /** The pageservers' answer with the declared timelines added, each timeline once. */
    private static TimelineLookup withDeclared(TimelineLookup lookup, List<TimelinePgVersion> declared) {
        if (lookup instanceof TimelineLookup.Answered answered) {
            return new TimelineLookup.Answered(Stream.concat(answered.timelines().stream(), declared.stream())
                    .distinct().toList());
        }
        return lookup;
    }

    private static Set<PgMajorVersion> served(NeonClusterStatus status, ObservedCluster observed) {
        Set<PgMajorVersion> served = EnumSet.noneOf(PgMajorVersion.class);
        for (Pod pod : observed.all(Pod.class)) {
            if (ResourceLabels.componentOf(pod).filter(NodePods::servesPostgres).isPresent()) {
                Map<String, String> annotations = pod.getMetadata().getAnnotations();
                SpecSummaryAnnotations.read(annotations == null ? Map.of() : annotations)
                        .ifPresent(summary -> served.addAll(summary.versions()));
            }
        }
        if (status != null && status.getPostgres() != null && status.getPostgres().getVersions() != null) {
            status.getPostgres().getVersions().forEach(major -> served.add(PgMajorVersion.ofMajor(major)));
        }
        return served;
    }

    private static boolean rollAlreadyAccepted(NeonClusterStatus status, ClusterSpec spec) {
        return Optional.ofNullable(status)
                .flatMap(s -> UpgradeStatusMapping.fromResource(s.getUpgrade()))
                .map(UpgradeStatus::to)
                .map(SpecSummary::versions)
                .filter(SpecSummary.of(spec).versions()::equals)
                .isPresent();
    }

    /** The pageservers that may hold timelines: those with a pod or a volume; one about to be created holds none. */
    private static List<Integer> pageserversWithData(ClusterSpec spec, ObservedCluster observed) {
        List<Integer> indexes = new ArrayList<>();
        for (int index = 0; index < spec.pageserver().replicas(); index++) {
            if (observed.find(Pod.class, ResourceNames.pod(spec, Component.PAGESERVER, index)).isPresent()
                    || observed.find(PersistentVolumeClaim.class,
                            ResourceNames.volumeClaim(spec, Component.PAGESERVER, index)).isPresent()) {
                indexes.add(index);
            }
        }
        return indexes;
    }
}

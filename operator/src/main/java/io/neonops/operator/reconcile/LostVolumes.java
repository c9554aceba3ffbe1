package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.status.Refusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The members' data volumes that are gone although the member had one: such a volume is not created again empty
 * (an etcd member or a safekeeper that comes back empty under its old identity is worse than one that stays down),
 * and neither is the member's pod, until the user names the volume in {@link NeonCluster#ACCEPT_EMPTY_VOLUME_ANNOTATION}.
 * <p>
 * A member had a volume when the status records it ({@code status.volumes}: every data volume the operator has seen
 * exist, kept in the API server, so it survives operator restarts) or when a pod of the cluster mounts it (pods are
 * created only on volumes that exist). A volume being deleted counts as lost: a pod created on it would never start.
 * The volumes of a new member (first creation, scale-up) were never seen, and are created as usual.
 * <p>
 * The annotation accepts an empty volume only while the volume it names is lost: once that volume exists, the name is
 * spent ({@code status.emptyVolumesAccepted}) and accepts no later loss, until the user removes it from the annotation.
 *
 * @param lost     the lost volumes not to create, with the pods that mount them
 * @param problems one per lost volume, for the status and an Event, saying what the user may do
 * @param accepted the lost volumes to create empty in this pass, as the annotation allows
 * @param volumes  the record of volumes seen: the desired ones seen before or now
 * @param spent    the volumes the annotation names that exist or were created empty under it before this pass
 */
public record LostVolumes(Set<String> lost, List<Refusal> problems, Set<String> accepted, List<String> volumes,
                          Set<String> spent) {

    public LostVolumes {
        lost = Set.copyOf(lost);
        problems = List.copyOf(problems);
        accepted = Set.copyOf(accepted);
        volumes = List.copyOf(volumes);
        spent = Set.copyOf(spent);
    }

    public static LostVolumes of(NeonCluster cluster, ClusterResources desired, ObservedCluster observed) {
        NeonClusterStatus status = Optional.ofNullable(cluster.getStatus()).orElseGet(NeonClusterStatus::new);
        Set<String> wanted = desired.volumeClaims().stream().map(c -> c.getMetadata().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, PersistentVolumeClaim> existing = observed.all(PersistentVolumeClaim.class).stream()
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), Function.identity()));
        Set<String> seen = new TreeSet<>(orEmpty(status.getVolumes()));
        observed.all(Pod.class).forEach(pod -> seen.addAll(ChangePlanner.dataClaims(pod)));
        seen.addAll(existing.keySet());
        seen.retainAll(wanted);
        Set<String> named = acceptedByUser(cluster);
        Set<String> spent = new TreeSet<>(orEmpty(status.getEmptyVolumesAccepted()));
        // a named volume that exists is spent too: so a pass that reads a status older than the one the creating
        // pass wrote does not forget it
        existing.values().stream().filter(c -> c.getMetadata().getDeletionTimestamp() == null)
                .forEach(c -> spent.add(c.getMetadata().getName()));
        spent.retainAll(named);
        Set<String> lost = new TreeSet<>();
        List<Refusal> problems = new ArrayList<>();
        Set<String> accepted = new TreeSet<>();
        for (String name : seen) {
            PersistentVolumeClaim claim = existing.get(name);
            if (claim != null && claim.getMetadata().getDeletionTimestamp() == null) {
                continue;
            }
            if (claim == null && named.contains(name) && !spent.contains(name)) {
                accepted.add(name);
            } else {
                lost.add(name);
                problems.add(new Refusal(Refusal.VOLUME_LOST, message(name, claim != null, spent.contains(name))));
            }
        }
        return new LostVolumes(lost, problems, accepted, List.copyOf(seen), spent);
    }

    /** The record of volumes seen, for the status, once the volumes {@code created} were created. */
    public List<String> volumesAfter(Collection<String> created) {
        Set<String> after = new TreeSet<>(volumes);
        after.addAll(created);
        return List.copyOf(after);
    }

    /** The volumes the annotation has spent, for the status, once the volumes {@code created} were created. */
    public List<String> spentAfter(Collection<String> created) {
        Set<String> after = new TreeSet<>(spent);
        created.stream().filter(accepted::contains).forEach(after::add);
        return List.copyOf(after);
    }

    private static String message(String name, boolean beingDeleted, boolean spent) {
        String what = beingDeleted ? "data volume " + name + " is being deleted"
                : "data volume " + name + " is gone although its member had it";
        String accept = spent
                ? "; the annotation " + NeonCluster.ACCEPT_EMPTY_VOLUME_ANNOTATION + " named " + name + " while it existed,"
                        + " which accepts no later loss: remove it from the annotation, wait until "
                        + "status.emptyVolumesAccepted no longer lists it, then name it again to accept an empty volume"
                : "; to start the member with an empty volume, set the annotation "
                        + NeonCluster.ACCEPT_EMPTY_VOLUME_ANNOTATION + ": " + name + " (see the README first)";
        return what + ": the operator creates neither an empty volume nor the member's pod in its place; restore the "
                + "volume" + accept;
    }

    /** The volumes the annotation names; blanks and spaces around commas are ignored. */
    private static Set<String> acceptedByUser(NeonCluster cluster) {
        Map<String, String> annotations = cluster.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(NeonCluster.ACCEPT_EMPTY_VOLUME_ANNOTATION);
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> orEmpty(List<String> names) {
        return names == null ? List.of() : names;
    }
}

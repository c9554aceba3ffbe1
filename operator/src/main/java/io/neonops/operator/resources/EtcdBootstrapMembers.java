package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.EtcdMembership;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * How many etcd members a cluster bootstrapped with, which decides every etcd member's command line. It must
 * survive operator restarts and lost pods, and {@code spec.etcd.replicas} cannot tell it once the cluster grew, so
 * it is recorded in an annotation on every etcd volume claim: claims live as long as the members' data.
 */
public final class EtcdBootstrapMembers {

    public static final String ANNOTATION = "neonops.io/etcd-bootstrap-members";

    private EtcdBootstrapMembers() {
    }

    /** The annotation an etcd volume claim carries. */
    public static Map<String, String> annotation(EtcdMembership membership) {
        return Map.of(ANNOTATION, Integer.toString(membership.bootstrapMembers()));
    }

    /**
     * The membership the cluster's objects record: the annotation of its etcd claims; for claims written before the
     * annotation existed, the etcd members there are (such members all bootstrapped together); with no etcd member
     * at all, a new cluster whose {@code spec.etcd.replicas} members bootstrap.
     *
     * @param claims the observed volume claims of the cluster (others are ignored)
     * @param pods   the observed pods of the cluster (others are ignored)
     * @throws InvalidEtcdBootstrapException when an annotation is not a number of members, or claims disagree
     */
    public static EtcdMembership observed(ClusterSpec cluster, Collection<PersistentVolumeClaim> claims,
                                          Collection<Pod> pods) throws InvalidEtcdBootstrapException {
        Map<String, Integer> recorded = new TreeMap<>();
        for (PersistentVolumeClaim claim : claims) {
            String value = isEtcdOf(cluster, claim) ? annotationOf(claim) : null;
            if (value != null) {
                recorded.put(claim.getMetadata().getName(), parse(claim, value));
            }
        }
        if (recorded.values().stream().distinct().count() > 1) {
            List<String> sayings = new ArrayList<>();
            recorded.forEach((name, members) -> sayings.add(name + " says " + members));
            throw new InvalidEtcdBootstrapException("etcd volume claims disagree on " + ANNOTATION + ": "
                    + String.join(", ", sayings) + "; set it to the number of members the cluster was created with");
        }
        if (!recorded.isEmpty()) {
            return new EtcdMembership(recorded.values().iterator().next());
        }
        List<HasMetadata> existing = new ArrayList<>(claims);
        existing.addAll(pods);
        OptionalInt highest = existing.stream()
                .filter(o -> isEtcdOf(cluster, o))
                .map(o -> ResourceNames.nodeIndex(cluster, Component.ETCD, o.getMetadata().getName()))
                .filter(OptionalInt::isPresent)
                .mapToInt(OptionalInt::getAsInt)
                .max();
        return highest.isPresent() ? new EtcdMembership(highest.getAsInt() + 1) : EtcdMembership.bootstrapAll(cluster);
    }

    private static int parse(PersistentVolumeClaim claim, String value) throws InvalidEtcdBootstrapException {
        try {
            int members = Integer.parseInt(value.strip());
            if (members >= 1) {
                return members;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the value
        }
        throw new InvalidEtcdBootstrapException("volume claim " + claim.getMetadata().getName() + ": annotation "
                + ANNOTATION + " is \"" + value + "\", expected the number of etcd members the cluster was created with");
    }

    private static String annotationOf(PersistentVolumeClaim claim) {
        Map<String, String> annotations = claim.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(ANNOTATION);
    }

    private static boolean isEtcdOf(ClusterSpec cluster, HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels != null && labels.entrySet().containsAll(ResourceLabels.selector(cluster.name(), Component.ETCD).entrySet());
    }
}

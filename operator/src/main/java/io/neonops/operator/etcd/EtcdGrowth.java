package io.neonops.operator.etcd;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.ComponentSpecs;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.status.NodeHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, without I/O, which etcd member joins next when {@code spec.etcd.replicas} grows beyond the members the
 * cluster bootstrapped with, and whether the running cluster may take it now.
 */
public final class EtcdGrowth {

    /** etcd's own health interval: it refuses membership changes until every member has been connected this long. */
    public static final Duration SETTLE = Duration.ofSeconds(5);

    private EtcdGrowth() {
    }

    /**
     * The next member to join; empty when every member beyond the bootstrap members has its pod (bootstrap members'
     * missing pods are created as usual: they belong to the cluster from its start).
     *
     * @param desired      the resources for the etcd membership the cluster's volumes record
     * @param observedPods the cluster's pods by name
     */
    public static Optional<NextMember> next(ClusterResources desired, KubernetesEnvironment env,
                                            Map<String, Pod> observedPods, Instant now) {
        List<Pod> members = desired.pods(Component.ETCD);
        List<Integer> missing = new ArrayList<>();
        for (int i = desired.etcd().bootstrapMembers(); i < members.size(); i++) {
            if (!observedPods.containsKey(name(members.get(i)))) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        int index = missing.get(0);
        List<String> later = missing.subList(1, missing.size()).stream().map(i -> name(members.get(i))).toList();
        return Optional.of(new NextMember(index, name(members.get(index)), ComponentSpecs.etcdPeerUrl(env, index),
                ComponentSpecs.etcdClientUrls(env, index), waitFor(members.subList(0, index), observedPods, now), later));
    }

    /** The member that the new one waits for: the first that is not Ready, else the last to settle. */
    private static Optional<AddWait> waitFor(List<Pod> before, Map<String, Pod> observedPods, Instant now) {
        List<AddWait> settling = new ArrayList<>();
        for (Pod want : before) {
            Pod pod = observedPods.get(name(want));
            if (pod == null || !NodeHealth.isReady(pod)) {
                return Optional.of(new AddWait(name(want), Optional.empty()));
            }
            readySince(pod).map(since -> since.plus(SETTLE)).filter(now::isBefore)
                    .ifPresent(at -> settling.add(new AddWait(name(want), Optional.of(at))));
        }
        return settling.stream().max(Comparator.comparing(w -> w.settledAt().orElseThrow()));
    }

    /** When the pod last became Ready; empty when the kubelet did not say, which counts as long ago. */
    private static Optional<Instant> readySince(Pod pod) {
        return pod.getStatus().getConditions().stream()
                .filter(c -> "Ready".equals(c.getType()))
                .map(PodCondition::getLastTransitionTime)
                .filter(t -> t != null && !t.isBlank())
                .map(Instant::parse)
                .findFirst();
    }

    private static String name(Pod pod) {
        return pod.getMetadata().getName();
    }
}

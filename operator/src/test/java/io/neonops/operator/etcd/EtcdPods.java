package io.neonops.operator.etcd;

import static io.neonops.operator.testing.SpecFixtures.OWNER;
import static io.neonops.operator.testing.SpecFixtures.spec;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.EtcdMembership;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.resources.KubernetesEnvironment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fixtures: the etcd pods of cluster {@code ns/demo} as the operator builds them, and as a kubelet reports them. */
final class EtcdPods {

    static final KubernetesEnvironment ENV = new KubernetesEnvironment(spec(""), KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN);

    private final ClusterResources desired;
    private final Map<String, Pod> observed = new LinkedHashMap<>();

    private EtcdPods(ClusterResources desired) {
        this.desired = desired;
    }

    /** A cluster of {@code replicas} etcd members, {@code bootstrap} of which bootstrapped it; no pod observed yet. */
    static EtcdPods of(int replicas, int bootstrap) {
        return new EtcdPods(ClusterResources.build(spec("etcd: {replicas: " + replicas + "}"), new EtcdMembership(bootstrap),
                OWNER, KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN));
    }

    ClusterResources desired() {
        return desired;
    }

    Map<String, Pod> observed() {
        return Map.copyOf(observed);
    }

    /** Member {@code index}'s pod exists but is not Ready. */
    EtcdPods starting(int index) {
        observed.put(name(index), new PodBuilder(pod(index)).withNewStatus().withPhase("Pending").endStatus().build());
        return this;
    }

    /** Member {@code index}'s pod is Ready since {@code since}. */
    EtcdPods readySince(int index, Instant since) {
        observed.put(name(index), new PodBuilder(pod(index)).withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").withLastTransitionTime(since.toString()).endCondition()
                .endStatus().build());
        return this;
    }

    /** Member {@code index}'s pod is Ready, and the kubelet did not say since when. */
    EtcdPods ready(int index) {
        observed.put(name(index), new PodBuilder(pod(index)).withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build());
        return this;
    }

    static String name(int index) {
        return "demo-etcd-" + index;
    }

    private Pod pod(int index) {
        return desired.pods(Component.ETCD).get(index);
    }
}

package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import java.util.Optional;

/**
 * Spreads the members of a quorum (as their descriptor says) over nodes when the scheduler can, so that losing one
 * Kubernetes node costs at most one member; preferred rather than required, so small clusters still schedule.
 */
public final class PodPlacement {

    public static final String HOSTNAME_TOPOLOGY = "kubernetes.io/hostname";
    private static final int WEIGHT = 100;

    private PodPlacement() {
    }

    public static Optional<Affinity> affinity(ClusterSpec cluster, Component component) {
        if (!component.descriptor().spreadsOverNodes()) {
            return Optional.empty();
        }
        return Optional.of(new AffinityBuilder()
                .withNewPodAntiAffinity()
                .addNewPreferredDuringSchedulingIgnoredDuringExecution()
                .withWeight(WEIGHT)
                .withNewPodAffinityTerm()
                .withNewLabelSelector().withMatchLabels(ResourceLabels.selector(cluster.name(), component)).endLabelSelector()
                .withTopologyKey(HOSTNAME_TOPOLOGY)
                .endPodAffinityTerm()
                .endPreferredDuringSchedulingIgnoredDuringExecution()
                .endPodAntiAffinity()
                .build());
    }
}

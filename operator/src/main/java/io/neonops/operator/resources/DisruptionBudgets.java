package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import java.util.Optional;

/** Lets node drains evict at most one member of a quorum (as the descriptor says) at a time. */
public final class DisruptionBudgets {

    public static final int MAX_UNAVAILABLE = 1;

    private DisruptionBudgets() {
    }

    public static Optional<PodDisruptionBudget> build(ClusterSpec cluster, Component component, Owner owner) {
        if (!component.descriptor().disruptionBudget(cluster)) {
            return Optional.empty();
        }
        return Optional.of(new PodDisruptionBudgetBuilder()
                .withMetadata(ComponentMetadata.owned(cluster, component,
                        ResourceNames.disruptionBudget(cluster, component), owner))
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(MAX_UNAVAILABLE))
                .withNewSelector().withMatchLabels(ResourceLabels.selector(cluster.name(), component)).endSelector()
                .endSpec()
                .build());
    }
}

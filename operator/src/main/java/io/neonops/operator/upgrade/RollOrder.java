package io.neonops.operator.upgrade;

import io.neonops.controlplane.component.Component;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a rolling upgrade, as the descriptors rank their components ({@link Component#ROLL_ORDER}: the
 * broker everything else finds each other through, then the safekeepers that hold the WAL, then the pageservers
 * that read from them); within a component by index.
 */
public final class RollOrder {

    public static final List<Component> COMPONENTS = Component.ROLL_ORDER;

    public static final Comparator<PodRef> PODS = Comparator
            .comparingInt((PodRef pod) -> COMPONENTS.indexOf(pod.component()))
            .thenComparingInt(PodRef::index);

    public static final Comparator<ObservedPod> OBSERVED_PODS = Comparator.comparing(ObservedPod::pod, PODS);

    private RollOrder() {
    }
}

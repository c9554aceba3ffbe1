package io.neonops.operator.upgrade;

import io.neonops.controlplane.component.Component;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a rolling upgrade: etcd members first (the broker everything else finds each other through),
 * then safekeepers (they hold the WAL), then pageservers (they read from the safekeepers); within a
 * component by index. This differs from {@link Component#START_ORDER}, which is about first start.
 */
public final class RollOrder {

    public static final List<Component> COMPONENTS = List.of(Component.ETCD, Component.SAFEKEEPER, Component.PAGESERVER);

    public static final Comparator<PodRef> PODS = Comparator
            .comparingInt((PodRef pod) -> COMPONENTS.indexOf(pod.component()))
            .thenComparingInt(PodRef::index);

    public static final Comparator<ObservedPod> OBSERVED_PODS = Comparator.comparing(ObservedPod::pod, PODS);

    private RollOrder() {
    }
}

package io.neonops.operator.upgrade;

import io.neonops.controlplane.component.Component;
import io.neonops.storage.common.NodeId;
import java.util.Objects;

/**
 * One pod of a cluster: which component, its 0-based index among that component's pods, and its name
 * ({@code <cluster>-<component>-<index>}).
 */
public record PodRef(Component component, int index, String name) {

    public PodRef {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(name, "name");
        if (index < 0) {
            throw new IllegalArgumentException("pod " + name + ": index must be at least 0, got " + index);
        }
    }

    /** The node id the pod's daemon runs as: {@code index + 1}, as the node specs number them. */
    public NodeId nodeId() {
        return NodeId.of(index + 1L);
    }
}

package io.neonops.operator.upgrade;

import io.neonops.controller.api.NodeAvailability;
import io.neonops.controller.api.NodeSchedulingPolicy;
import java.util.Objects;

/**
 * A pageserver as the storage controller sees it, reduced to what its drain/fill restart decides on.
 *
 * @param availability what the storage controller's heartbeats say
 * @param scheduling   what may be placed on it, and which drain, fill or delete shows on it
 */
public record NodeState(NodeAvailability availability, NodeSchedulingPolicy scheduling) {

    public NodeState {
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(scheduling, "scheduling");
    }

    public boolean available() {
        return availability == NodeAvailability.ACTIVE;
    }

    /** A drain, fill or delete shows on it, running or left over from a storage controller that restarted. */
    public boolean showsOperation() {
        return scheduling == NodeSchedulingPolicy.DRAINING || scheduling == NodeSchedulingPolicy.FILLING
                || scheduling == NodeSchedulingPolicy.DELETING;
    }

    @Override
    public String toString() {
        return "availability " + wire(availability) + ", scheduling " + wire(scheduling);
    }

    private static String wire(Enum<?> value) {
        StringBuilder camel = new StringBuilder();
        for (String part : value.name().split("_")) {
            camel.append(part.charAt(0)).append(part.substring(1).toLowerCase());
        }
        return camel.toString();
    }
}

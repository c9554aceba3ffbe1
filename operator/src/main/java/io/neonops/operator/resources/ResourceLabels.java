package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.neonops.controlplane.component.Component;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The recommended app.kubernetes.io labels on everything the operator creates. */
public final class ResourceLabels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    /**
     * The node id of a pod's daemon ({@code index + 1}), for the PodMonitor's {@code neon_node_id} label: a relabeling
     * cannot compute it from the pod name's index. Labels are not in the spec hash, so it restarts no pod.
     */
    public static final String NODE_ID = "neonops.io/node-id";

    public static final String APP_NAME = "neon";
    public static final String OPERATOR_NAME = "neon-operator";

    /** Selects every object of every cluster this operator manages; what its informers watch. */
    public static final String MANAGED_SELECTOR = NAME + "=" + APP_NAME + "," + MANAGED_BY + "=" + OPERATOR_NAME;

    private ResourceLabels() {
    }

    /** All four labels of one component's objects. */
    public static Map<String, String> of(String cluster, Component component) {
        Map<String, String> labels = new LinkedHashMap<>(selector(cluster, component));
        labels.put(MANAGED_BY, OPERATOR_NAME);
        return labels;
    }

    /** The labels that pick one component's pods, for Services, budgets and anti-affinity. */
    public static Map<String, String> selector(String cluster, Component component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, APP_NAME);
        labels.put(INSTANCE, cluster);
        labels.put(COMPONENT, component.id());
        return labels;
    }

    /** The component an object belongs to, by its label; empty for objects without a known component. */
    public static Optional<Component> componentOf(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        String id = labels == null ? null : labels.get(COMPONENT);
        for (Component component : Component.values()) {
            if (component.id().equals(id)) {
                return Optional.of(component);
            }
        }
        return Optional.empty();
    }
}

package io.neonops.controlplane.cluster;

import java.util.Map;
import java.util.TreeMap;

/** Container resource requests and limits, as Kubernetes quantities keyed by resource name. */
public record ResourcesSpec(Map<String, String> requests, Map<String, String> limits) {

    public static final ResourcesSpec NONE = new ResourcesSpec(Map.of(), Map.of());

    public ResourcesSpec {
        // sorted copies, so that equal specs print and hash the same way
        requests = Map.copyOf(new TreeMap<>(requests));
        limits = Map.copyOf(new TreeMap<>(limits));
    }

    public boolean isEmpty() {
        return requests.isEmpty() && limits.isEmpty();
    }
}

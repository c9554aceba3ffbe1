package io.neonops.controlplane.cluster;

import java.util.Map;
import java.util.TreeMap;

/**
 * The pageservers. {@code config} holds extra pageserver.toml keys with JSON-like values (String, Number,
 * Boolean, List, Map), sorted by key so the generated file is stable.
 */
public record PageserverSpec(int replicas, StorageSpec storage, ResourcesSpec resources, Map<String, Object> config) {

    public static final String DEFAULT_STORAGE_SIZE = "10Gi";

    public PageserverSpec {
        config = java.util.Collections.unmodifiableMap(new TreeMap<>(config));
    }
}

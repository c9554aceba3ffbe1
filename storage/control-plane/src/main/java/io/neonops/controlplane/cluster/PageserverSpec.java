package io.neonops.controlplane.cluster;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The pageservers. {@code config} holds extra pageserver.toml keys with JSON-like values (String, Number,
 * Boolean, List, Map), sorted by key so the generated file is stable. {@code availabilityZone} is what they
 * register with the storage controller (modern releases); one zone unless the spec names another.
 */
public record PageserverSpec(int replicas, StorageSpec storage, ResourcesSpec resources, Map<String, Object> config,
                             String availabilityZone) {

    public static final String DEFAULT_STORAGE_SIZE = "10Gi";
    public static final String DEFAULT_AVAILABILITY_ZONE = "zone-1";

    public PageserverSpec {
        config = Collections.unmodifiableMap(new TreeMap<>(config));
        Objects.requireNonNull(availabilityZone, "availabilityZone");
    }
}

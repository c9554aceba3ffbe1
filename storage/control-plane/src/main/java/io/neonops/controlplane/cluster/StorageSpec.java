package io.neonops.controlplane.cluster;

import java.util.Objects;
import java.util.Optional;

/** A node's data volume: its size as a Kubernetes quantity and an optional storage class. */
public record StorageSpec(String size, Optional<String> storageClassName) {

    public StorageSpec {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(storageClassName, "storageClassName");
    }
}

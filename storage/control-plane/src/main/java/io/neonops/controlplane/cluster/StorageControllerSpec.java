package io.neonops.controlplane.cluster;

import java.util.Objects;

/** The storage controller, which attaches tenants to pageservers, and the database it keeps its state in. */
public record StorageControllerSpec(ResourcesSpec resources, StorageControllerDatabase database) {

    public static final String SPEC_PATH = "spec.storageController";

    public StorageControllerSpec {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(database, "database");
    }
}

package io.neonops.controlplane.cluster;

/** The safekeepers; at least three, so that a majority survives the loss of one. */
public record SafekeeperSpec(int replicas, StorageSpec storage, ResourcesSpec resources) {

    public static final int MIN_REPLICAS = 3;
    public static final String DEFAULT_STORAGE_SIZE = "10Gi";
}

package io.neonops.controlplane.cluster;

/** The etcd broker's members. */
public record EtcdSpec(int replicas, String image, StorageSpec storage, ResourcesSpec resources) {

    public static final String DEFAULT_IMAGE = "quay.io/coreos/etcd:v3.5.17";
    public static final String DEFAULT_STORAGE_SIZE = "1Gi";
}

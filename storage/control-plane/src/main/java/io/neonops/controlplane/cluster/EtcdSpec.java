package io.neonops.controlplane.cluster;

import java.util.Optional;

/** The etcd broker's members (Neon releases of 2022, image tags before 2455). */
public record EtcdSpec(int replicas, String image, StorageSpec storage, ResourcesSpec resources) implements BrokerSpec {

    public static final String DEFAULT_IMAGE = "quay.io/coreos/etcd:v3.5.17";
    public static final String DEFAULT_STORAGE_SIZE = "1Gi";
    public static final String SPEC_PATH = "spec.etcd";

    /** No etcd at all: the cluster runs the storage broker. */
    public static final EtcdSpec NONE =
            new EtcdSpec(0, DEFAULT_IMAGE, new StorageSpec(DEFAULT_STORAGE_SIZE, Optional.empty()), ResourcesSpec.NONE);

    @Override
    public String specPath() {
        return SPEC_PATH;
    }
}

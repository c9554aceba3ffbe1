package io.neonops.controlplane.cluster;

import java.util.Optional;

/**
 * The spec can choose the storage broker, but local mode runs only the etcd topology so far (the operator and
 * {@code render} build both): it refuses a storage-broker cluster up front, naming the field, rather than run half
 * of it.
 */
public final class TopologySupport {

    private TopologySupport() {
    }

    /**
     * Why {@code runner} cannot run this cluster, or empty when it can.
     *
     * @param runner how the refusal ends, e.g. {@code "in local mode"}
     */
    public static Optional<FieldError> refusal(ClusterSpec cluster, String runner) {
        return cluster.storageBroker().map(broker -> new FieldError(broker.specPath(),
                "the modern topology (storage broker and storage controller) is not yet supported " + runner));
    }
}

package io.neonops.controlplane.cluster;

import java.util.Optional;

/**
 * Local mode runs both topologies but reads no Secrets, and the storage controller's JWTs and public key come only
 * from Secrets: it refuses a storage-broker cluster with {@code spec.auth} up front, naming the field, rather than
 * run half of it. The etcd topology with auth reads its key from the work directory and stays supported.
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
        if (cluster.storageBroker().isEmpty() || !cluster.auth().enabled()) {
            return Optional.empty();
        }
        return Optional.of(new FieldError("spec.auth.enabled", "the storage controller's JWTs come from Secrets, which are"
                + " not read " + runner + "; run the storage-broker topology without auth " + runner));
    }
}

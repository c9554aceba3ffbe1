package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** One write the reconciler decided on. */
public sealed interface Change {

    HasMetadata desired();

    /**
     * An object to create.
     *
     * @param replacesLostPod a pod whose volume is still there: the node comes back with its data
     */
    record Create(HasMetadata desired, boolean replacesLostPod) implements Change {
    }

    /**
     * An existing object whose owned fields differ.
     *
     * @param parts what differs, e.g. {@code [labels, spec]}
     */
    record Update(HasMetadata desired, HasMetadata observed, List<String> parts) implements Change {

        public Update {
            parts = List.copyOf(parts);
        }
    }
}

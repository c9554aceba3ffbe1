package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.neonops.operator.resources.ResourceLabels;
import java.util.Map;
import java.util.Set;

/**
 * Which NeonCluster an object belongs to: the one its instance label names, in its namespace. Labels rather
 * than owner references, because retained volumes have no owner and must still lead to their cluster.
 */
final class ClusterMapping {

    private ClusterMapping() {
    }

    static Set<ResourceID> owningCluster(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        String cluster = labels == null ? null : labels.get(ResourceLabels.INSTANCE);
        if (cluster == null) {
            return Set.of();
        }
        return Set.of(new ResourceID(cluster, object.getMetadata().getNamespace()));
    }
}

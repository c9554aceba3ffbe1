package io.neonops.operator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.ClusterSpecParser;
import io.neonops.controlplane.cluster.InvalidClusterSpecException;
import io.neonops.operator.cluster.NeonCluster;

/**
 * The resolved spec of a NeonCluster resource, through the same parser that reads manifest files, so that
 * the operator and {@code render} apply the same defaults and refuse the same fields.
 */
public final class ResourceSpecs {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private ResourceSpecs() {
    }

    public static ClusterSpec of(NeonCluster cluster) throws InvalidClusterSpecException {
        // absent fields stay absent in the tree, so the parser's defaults apply to exactly what the user left out
        JsonNode spec = cluster.getSpec() == null ? null : JSON.convertValue(cluster.getSpec(), JsonNode.class);
        return ClusterSpecParser.parse(cluster.getMetadata().getName(),
                cluster.getMetadata().getNamespace(), spec == null ? MissingNode.getInstance() : spec);
    }
}

package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpointBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitorBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.RelabelConfig;
import io.fabric8.openshift.api.model.monitoring.v1.RelabelConfigBuilder;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.NodePort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus Operator PodMonitor of one cluster: one endpoint per component, on the named container port that
 * serves its metrics, so that a component added to {@link Component#startOrder} is scraped without a change here.
 * Every series gets {@code neon_cluster}, {@code neon_component} and {@code neon_node_id}, so one dashboard and one
 * set of alerts serve many clusters.
 */
public final class PodMonitors {

    public static final String CLUSTER_LABEL = "neon_cluster";
    public static final String COMPONENT_LABEL = "neon_component";
    public static final String NODE_ID_LABEL = "neon_node_id";

    private PodMonitors() {
    }

    /** Named like the cluster: one PodMonitor per cluster, next to it. */
    public static String name(ClusterSpec cluster) {
        return cluster.name();
    }

    public static PodMonitor build(ClusterSpec cluster, Owner owner) {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put(ResourceLabels.NAME, ResourceLabels.APP_NAME);
        selector.put(ResourceLabels.INSTANCE, cluster.name());
        selector.put(ResourceLabels.MANAGED_BY, ResourceLabels.OPERATOR_NAME);
        return new PodMonitorBuilder()
                .withMetadata(new ObjectMetaBuilder().withName(name(cluster)).withNamespace(cluster.namespace())
                        .withLabels(selector).withOwnerReferences(owner.reference()).build())
                .withNewSpec()
                .withNewSelector().withMatchLabels(selector).endSelector()
                .withPodMetricsEndpoints(Component.startOrder(cluster).stream()
                        .flatMap(c -> c.metricsPort().map(port -> endpoint(c, port)).stream())
                        .toList())
                .endSpec()
                .build();
    }

    /**
     * Ports of different components share names ({@code http}), so each endpoint keeps only its component's pods;
     * otherwise the pageserver's endpoint would scrape the safekeepers too.
     */
    private static PodMetricsEndpoint endpoint(Component component, NodePort port) {
        return new PodMetricsEndpointBuilder()
                .withPort(port.name())
                .withPath(Component.METRICS_PATH)
                .withRelabelings(List.of(
                        new RelabelConfigBuilder().withAction("keep")
                                .withSourceLabels(podLabel(ResourceLabels.COMPONENT)).withRegex(component.id()).build(),
                        copy(ResourceLabels.INSTANCE, CLUSTER_LABEL),
                        copy(ResourceLabels.COMPONENT, COMPONENT_LABEL),
                        copy(ResourceLabels.NODE_ID, NODE_ID_LABEL)))
                .build();
    }

    private static RelabelConfig copy(String podLabel, String target) {
        return new RelabelConfigBuilder().withAction("replace").withSourceLabels(podLabel(podLabel))
                .withTargetLabel(target).build();
    }

    /** Prometheus' discovery label of a pod label: every character outside {@code [a-zA-Z0-9_]} becomes {@code _}. */
    private static String podLabel(String label) {
        return "__meta_kubernetes_pod_label_" + label.replaceAll("[^a-zA-Z0-9_]", "_");
    }
}

package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import java.util.List;

/**
 * The headless Service of a component, which gives each pod the DNS name its peers know it by
 * ({@code <pod>.<service>.<namespace>.svc}).
 */
public final class HeadlessServices {

    private HeadlessServices() {
    }

    public static Service build(ClusterSpec cluster, Component component, Owner owner) {
        return new ServiceBuilder()
                .withMetadata(ComponentMetadata.owned(cluster, component, ResourceNames.service(cluster, component), owner))
                .withNewSpec()
                .withClusterIP("None")
                .withSelector(ResourceLabels.selector(cluster.name(), component))
                .withPorts(ports(component))
                .withPublishNotReadyAddresses(component.descriptor().publishesNotReadyAddresses(cluster))
                .endSpec()
                .build();
    }

    private static List<ServicePort> ports(Component component) {
        return component.defaultPorts().stream()
                .map(p -> new ServicePortBuilder().withName(p.name()).withPort(p.port())
                        .withTargetPort(new IntOrString(p.name())).withProtocol("TCP").build())
                .toList();
    }
}

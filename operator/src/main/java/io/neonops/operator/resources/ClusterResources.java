package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.ComponentSpec;
import io.neonops.controlplane.component.ComponentSpecs;
import io.neonops.controlplane.component.EtcdMembership;
import java.util.ArrayList;
import java.util.List;

/**
 * Every object the operator wants for one cluster, computed without I/O from the resolved spec. The reconciler
 * creates and updates towards it, and {@code render} prints it, so both always agree.
 */
public record ClusterResources(
        ClusterSpec cluster,
        EtcdMembership etcd,
        List<ConfigMap> configMaps,
        List<Secret> secrets,
        List<Service> services,
        List<PodDisruptionBudget> disruptionBudgets,
        List<PersistentVolumeClaim> volumeClaims,
        List<Pod> pods) {

    /** Every object in the form the operator sends it: without a zero value the API server would drop. */
    public ClusterResources {
        configMaps = sendable(configMaps);
        secrets = sendable(secrets);
        services = sendable(services);
        disruptionBudgets = sendable(disruptionBudgets);
        volumeClaims = sendable(volumeClaims);
        pods = sendable(pods);
    }

    private static <T extends HasMetadata> List<T> sendable(List<T> objects) {
        return objects.stream().map(ApiForm::withoutDroppedZeros).toList();
    }

    /** The resources of a new cluster, whose etcd members all bootstrap together; what {@code render} shows. */
    public static ClusterResources build(ClusterSpec cluster, Owner owner, String clusterDomain) {
        return build(cluster, EtcdMembership.bootstrapAll(cluster), owner,
                new KubernetesEnvironment(cluster, clusterDomain));
    }

    /** The resources of a cluster whose etcd bootstrapped as {@code etcd} says ({@link EtcdBootstrapMembers}). */
    public static ClusterResources build(ClusterSpec cluster, EtcdMembership etcd, Owner owner, String clusterDomain) {
        return build(cluster, etcd, owner, new KubernetesEnvironment(cluster, clusterDomain));
    }

    /** The resources of a cluster whose daemons run in {@code env}. */
    public static ClusterResources build(ClusterSpec cluster, EtcdMembership etcd, Owner owner,
                                         KubernetesEnvironment env) {
        List<ConfigMap> configMaps = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        List<PodDisruptionBudget> budgets = new ArrayList<>();
        List<PersistentVolumeClaim> claims = new ArrayList<>();
        List<Pod> pods = new ArrayList<>();
        for (Component component : Component.startOrder(cluster)) {
            List<ComponentSpec> nodes = ComponentSpecs.nodes(cluster, env, etcd, component);
            ComponentConfigMaps.build(cluster, component, nodes, owner).ifPresent(configMaps::add);
            services.add(HeadlessServices.build(cluster, component, owner));
            DisruptionBudgets.build(cluster, component, owner).ifPresent(budgets::add);
            for (ComponentSpec node : nodes) {
                DataVolumeClaims.build(cluster, etcd, component, node.index(), owner).ifPresent(claims::add);
                pods.add(NodePods.build(cluster, node, env, owner));
            }
        }
        List<Secret> secrets = DatabaseSecrets.build(cluster, owner).stream().toList();
        return new ClusterResources(cluster, etcd, configMaps, secrets, services, budgets, claims, pods);
    }

    /**
     * Everything, in the order it is created: what pods mount, read and resolve (ConfigMaps, Secrets, Services, volumes)
     * before the pods, each kind in the components' start order.
     */
    public List<HasMetadata> all() {
        List<HasMetadata> all = new ArrayList<>();
        all.addAll(configMaps);
        all.addAll(secrets);
        all.addAll(services);
        all.addAll(disruptionBudgets);
        all.addAll(volumeClaims);
        all.addAll(pods);
        return List.copyOf(all);
    }

    public List<Pod> pods(Component component) {
        return pods.stream().filter(p -> ResourceLabels.componentOf(p).filter(component::equals).isPresent()).toList();
    }
}

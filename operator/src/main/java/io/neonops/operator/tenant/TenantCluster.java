package io.neonops.operator.tenant;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.InvalidClusterSpecException;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.pageserver.PageserverApiToken;
import io.neonops.operator.reconcile.ReconcileSettings;
import io.neonops.operator.reconcile.ResourceSpecs;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.storcon.StorageControllerAddress;
import java.util.Objects;
import java.util.function.Function;

/**
 * The NeonCluster a tenant lives in, as far as the tenant and timeline reconcilers can use it: ready, with a client
 * of its storage controller, or a reason (a condition reason and a message naming the cluster) why not.
 */
public sealed interface TenantCluster {

    String CLUSTER_NOT_FOUND = "ClusterNotFound";
    String CLUSTER_NOT_READY = "ClusterNotReady";
    String CLUSTER_INVALID = "ClusterSpecInvalid";
    /** Tenants as resources need the storage controller: the 2022 etcd topology has none. */
    String ETCD_TOPOLOGY = "EtcdTopologyUnsupported";
    String NO_TOKEN = "NoStorageControllerToken";

    /** The cluster is Ready and runs a storage controller. */
    record Usable(NeonCluster resource, ClusterSpec spec, StorageControllerClient storageController)
            implements TenantCluster {
        public Usable {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(storageController, "storageController");
        }
    }

    /** The cluster cannot be used now: {@code reason} is the condition reason, {@code message} says why. */
    record Unusable(String reason, String message) implements TenantCluster {
        public Unusable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        /**
         * Whether a deletion has nothing to delete against: the cluster resource is gone (its own deletion policy
         * decided about its data), or it runs the 2022 topology, on which these resources never created anything.
         */
        public boolean nothingToDelete() {
            return CLUSTER_NOT_FOUND.equals(reason) || ETCD_TOPOLOGY.equals(reason);
        }
    }

    /**
     * @param name     the cluster the tenant names
     * @param cluster  that cluster from the informer's cache; null when there is none
     * @param tokens   the storage controller's admin token of a cluster with auth on
     */
    static TenantCluster of(String namespace, String name, NeonCluster cluster, ReconcileSettings settings,
                            Function<ClusterSpec, PageserverApiToken> tokens) {
        String named = "NeonCluster " + namespace + "/" + name;
        if (cluster == null) {
            return new Unusable(CLUSTER_NOT_FOUND, named + " does not exist");
        }
        ClusterSpec spec;
        try {
            spec = ResourceSpecs.of(cluster);
        } catch (InvalidClusterSpecException e) {
            return new Unusable(CLUSTER_INVALID, named + " has an invalid spec: " + e.getMessage());
        }
        if (spec.storageController().isEmpty()) {
            return new Unusable(ETCD_TOPOLOGY, named + " runs the 2022 etcd topology, which has no storage controller:"
                    + " NeonTenant and NeonTimeline need a cluster with storageBroker and storageController");
        }
        boolean ready = cluster.getStatus() != null && ClusterConditions.find(cluster.getStatus().getConditions(),
                ClusterConditions.READY).filter(c -> ClusterConditions.TRUE.equals(c.getStatus())).isPresent();
        if (!ready) {
            return new Unusable(CLUSTER_NOT_READY, named + " is not Ready yet");
        }
        PageserverApiToken token = tokens.apply(spec);
        if (token instanceof PageserverApiToken.Unavailable unavailable) {
            return new Unusable(NO_TOKEN, named + ": " + unavailable.reason());
        }
        KubernetesEnvironment env = new KubernetesEnvironment(spec, settings.clusterDomain(), settings.storconHookBaseUrl());
        return new Usable(cluster, spec, settings.storageControllers().connect(
                StorageControllerAddress.settings(spec, env, token)));
    }
}

package io.neonops.operator.tenant;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.InvalidClusterSpecException;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.pageserver.PageserverApiToken;
import io.neonops.operator.pageserver.PageserverApiTokens;
import io.neonops.operator.pageserver.PageserverTimelines;
import io.neonops.operator.reconcile.ReconcileSettings;
import io.neonops.operator.reconcile.ResourceSpecs;
import io.neonops.operator.safekeeper.SafekeeperWalPositions;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.storcon.StorageControllerAddress;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The NeonCluster a tenant lives in, as far as the tenant and timeline reconcilers can use it: ready, with the
 * {@link TenancyApi} of its generation, or a reason (a condition reason and a message naming the cluster) why not.
 */
public sealed interface TenantCluster {

    String CLUSTER_NOT_FOUND = "ClusterNotFound";
    String CLUSTER_NOT_READY = "ClusterNotReady";
    String CLUSTER_INVALID = "ClusterSpecInvalid";
    String NO_TOKEN = "NoStorageControllerToken";
    String NO_PAGESERVER_TOKEN = "NoPageserverToken";

    /** The cluster is Ready; {@code tenancy} reaches its tenants. */
    record Usable(NeonCluster resource, ClusterSpec spec, TenancyApi tenancy) implements TenantCluster {
        public Usable {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(tenancy, "tenancy");
        }
    }

    /** The cluster cannot be used now: {@code reason} is the condition reason, {@code message} says why. */
    record Unusable(String reason, String message) implements TenantCluster {
        public Unusable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        /** Whether a deletion has nothing to delete against: the cluster resource is gone (its own deletion policy
         * decided about its data). */
        public boolean nothingToDelete() {
            return CLUSTER_NOT_FOUND.equals(reason);
        }
    }

    /**
     * @param name     the cluster the tenant names
     * @param cluster  that cluster from the informer's cache; null when there is none
     * @param tokens   the tokens of a cluster with auth on: the storage controller's admin token, or on a 2022
     *                 cluster the operator's pageserver token
     */
    static TenantCluster of(String namespace, String name, NeonCluster cluster, ReconcileSettings settings,
                            PageserverApiTokens tokens) {
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
        boolean ready = cluster.getStatus() != null && ClusterConditions.find(cluster.getStatus().getConditions(),
                ClusterConditions.READY).filter(c -> ClusterConditions.TRUE.equals(c.getStatus())).isPresent();
        if (!ready) {
            return new Unusable(CLUSTER_NOT_READY, named + " is not Ready yet");
        }
        if (spec.storageController().isEmpty()) {
            // the 2022 etcd topology: no storage controller, the pageservers' own API
            PageserverApiToken token = tokens.forCluster(spec);
            if (token instanceof PageserverApiToken.Unavailable unavailable) {
                return new Unusable(NO_PAGESERVER_TOKEN, named + ": " + unavailable.reason());
            }
            PageserverTimelines pageservers = new PageserverTimelines(settings.pageservers(), settings.clusterDomain());
            SafekeeperWalPositions safekeepers = new SafekeeperWalPositions(settings.safekeepers(), settings.clusterDomain());
            return new Usable(cluster, spec, new PageserverTenancy(
                    IntStream.range(0, spec.pageserver().replicas()).mapToObj(i -> pageservers.client(spec, i, token)).toList(),
                    IntStream.range(0, spec.safekeepers().replicas()).mapToObj(i -> safekeepers.client(spec, i, token)).toList()));
        }
        PageserverApiToken token = tokens.forStorageController(spec);
        if (token instanceof PageserverApiToken.Unavailable unavailable) {
            return new Unusable(NO_TOKEN, named + ": " + unavailable.reason());
        }
        KubernetesEnvironment env = new KubernetesEnvironment(spec, settings.clusterDomain(), settings.storconHookBaseUrl());
        return new Usable(cluster, spec, new StorageControllerTenancy(settings.storageControllers().connect(
                StorageControllerAddress.settings(spec, env, token))));
    }
}

package io.neonops.operator.reconcile;

import io.neonops.operator.etcd.EtcdConnector;
import io.neonops.operator.pageserver.PageserverConnector;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.safekeeper.SafekeeperConnector;
import io.neonops.operator.storcon.StorageControllerConnector;
import java.util.Objects;

/**
 * How the reconciler writes and names things, and how it reaches the clusters' pageservers, safekeepers, etcd
 * members and storage controllers.
 *
 * @param serverSideApply   write with server-side apply (real clusters) or with create and merge patch
 * @param clusterDomain     the Kubernetes cluster's DNS domain, for the nodes' advertised host names
 * @param reportingInstance this operator process, as Events name it
 * @param pageservers       opens a client of a pageserver's management API
 * @param etcd              opens a membership client of a cluster's running etcd, to add members as it grows
 * @param podMonitorsByDefault whether clusters that leave {@code spec.monitoring.podMonitor} unset get a PodMonitor
 * @param storconHookBaseUrl where storage controllers reach this operator's compute-notification hook
 * @param storageControllers opens a client of a cluster's storage controller, to register its safekeepers
 * @param safekeepers       opens a client of a safekeeper's management API, to read its timelines' WAL positions
 */
public record ReconcileSettings(boolean serverSideApply, String clusterDomain, String reportingInstance,
                                PageserverConnector pageservers, EtcdConnector etcd, boolean podMonitorsByDefault,
                                String storconHookBaseUrl, StorageControllerConnector storageControllers,
                                SafekeeperConnector safekeepers) {

    public ReconcileSettings {
        Objects.requireNonNull(clusterDomain, "clusterDomain");
        Objects.requireNonNull(storconHookBaseUrl, "storconHookBaseUrl");
        Objects.requireNonNull(reportingInstance, "reportingInstance");
        Objects.requireNonNull(pageservers, "pageservers");
        Objects.requireNonNull(etcd, "etcd");
        Objects.requireNonNull(storageControllers, "storageControllers");
        Objects.requireNonNull(safekeepers, "safekeepers");
    }

    /** Settings without PodMonitors unless a cluster asks for one. */
    public ReconcileSettings(boolean serverSideApply, String clusterDomain, String reportingInstance,
                             PageserverConnector pageservers, EtcdConnector etcd) {
        this(serverSideApply, clusterDomain, reportingInstance, pageservers, etcd, false,
                KubernetesEnvironment.DEFAULT_OPERATOR_URL, StorageControllerConnector.HTTP, SafekeeperConnector.HTTP);
    }

    public ReconcileSettings withPodMonitorsByDefault(boolean byDefault) {
        return new ReconcileSettings(serverSideApply, clusterDomain, reportingInstance, pageservers, etcd, byDefault,
                storconHookBaseUrl, storageControllers, safekeepers);
    }

    public ReconcileSettings withStorconHookBaseUrl(String url) {
        return new ReconcileSettings(serverSideApply, clusterDomain, reportingInstance, pageservers, etcd,
                podMonitorsByDefault, url, storageControllers, safekeepers);
    }

    public ReconcileSettings withStorageControllers(StorageControllerConnector connector) {
        return new ReconcileSettings(serverSideApply, clusterDomain, reportingInstance, pageservers, etcd,
                podMonitorsByDefault, storconHookBaseUrl, connector, safekeepers);
    }

    public ReconcileSettings withSafekeepers(SafekeeperConnector connector) {
        return new ReconcileSettings(serverSideApply, clusterDomain, reportingInstance, pageservers, etcd,
                podMonitorsByDefault, storconHookBaseUrl, storageControllers, connector);
    }

    /** Settings that reach the pageservers and etcd over HTTP at their in-cluster addresses. */
    public ReconcileSettings(boolean serverSideApply, String clusterDomain, String reportingInstance) {
        this(serverSideApply, clusterDomain, reportingInstance, PageserverConnector.HTTP, EtcdConnector.HTTP);
    }
}

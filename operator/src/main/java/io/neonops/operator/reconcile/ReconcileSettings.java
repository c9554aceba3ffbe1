package io.neonops.operator.reconcile;

import io.neonops.operator.pageserver.PageserverConnector;
import java.util.Objects;

/**
 * How the reconciler writes and names things, and how it reaches the clusters' pageservers.
 *
 * @param serverSideApply   write with server-side apply (real clusters) or with create and merge patch
 * @param clusterDomain     the Kubernetes cluster's DNS domain, for the nodes' advertised host names
 * @param reportingInstance this operator process, as Events name it
 * @param pageservers       opens a client of a pageserver's management API
 */
public record ReconcileSettings(boolean serverSideApply, String clusterDomain, String reportingInstance,
                                PageserverConnector pageservers) {

    public ReconcileSettings {
        Objects.requireNonNull(clusterDomain, "clusterDomain");
        Objects.requireNonNull(reportingInstance, "reportingInstance");
        Objects.requireNonNull(pageservers, "pageservers");
    }

    /** Settings that reach the pageservers over HTTP at their in-cluster addresses. */
    public ReconcileSettings(boolean serverSideApply, String clusterDomain, String reportingInstance) {
        this(serverSideApply, clusterDomain, reportingInstance, PageserverConnector.HTTP);
    }
}

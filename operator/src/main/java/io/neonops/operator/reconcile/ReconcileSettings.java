package io.neonops.operator.reconcile;

import java.util.Objects;

/**
 * How the reconciler writes and names things.
 *
 * @param serverSideApply   write with server-side apply (real clusters) or with create and merge patch
 * @param clusterDomain     the Kubernetes cluster's DNS domain, for the nodes' advertised host names
 * @param reportingInstance this operator process, as Events name it
 */
public record ReconcileSettings(boolean serverSideApply, String clusterDomain, String reportingInstance) {

    public ReconcileSettings {
        Objects.requireNonNull(clusterDomain, "clusterDomain");
        Objects.requireNonNull(reportingInstance, "reportingInstance");
    }
}

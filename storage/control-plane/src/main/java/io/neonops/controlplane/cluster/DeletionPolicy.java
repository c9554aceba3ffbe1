package io.neonops.controlplane.cluster;

/** What happens to data volumes when a cluster is deleted. */
public enum DeletionPolicy {
    /** Volumes outlive the cluster: the default, because data is never removed unless asked for. */
    Retain,
    /** Volumes are deleted with the cluster. */
    Delete
}

package io.neonops.controlplane.cluster;

/** Kubernetes' image pull policies, spelled as the API spells them. */
public enum ImagePullPolicy {
    Always,
    IfNotPresent,
    Never
}

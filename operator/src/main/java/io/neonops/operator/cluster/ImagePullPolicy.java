package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The Kubernetes image pull policies, spelled as in a pod spec. */
public enum ImagePullPolicy {
    @JsonProperty("Always") ALWAYS,
    @JsonProperty("IfNotPresent") IF_NOT_PRESENT,
    @JsonProperty("Never") NEVER
}

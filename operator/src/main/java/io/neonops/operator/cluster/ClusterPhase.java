package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The one-word summary of a cluster in {@code status.phase}. */
public enum ClusterPhase {
    /** No pod of the cluster runs yet (being scheduled, pulling images). */
    @JsonProperty("Pending") PENDING,
    /** Some pods run, not every node is Ready yet. */
    @JsonProperty("Creating") CREATING,
    /** Every node is Ready and runs the current spec. */
    @JsonProperty("Running") RUNNING,
    /** A rolling upgrade is under way: some nodes run an older spec, or the last one restarted is not Ready yet. */
    @JsonProperty("Upgrading") UPGRADING,
    /** The spec was refused, or a roll halted on a pod not Ready in time; what runs is left as it was. */
    @JsonProperty("Degraded") DEGRADED,
    /** The paused annotation is set; the operator writes nothing. */
    @JsonProperty("Paused") PAUSED
}

package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens to the data volumes when the cluster is deleted. */
public enum DeletionPolicy {
    @JsonProperty("Retain") RETAIN,
    @JsonProperty("Delete") DELETE
}

package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** The storage broker (Neon releases since December 2022, image tags from 2455): stateless, no volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StorageBrokerSpec {
    @Min(1)
    @JsonPropertyDescription("Number of storage broker pods, at least 1; default 1")
    private Integer replicas;

    private ComputeResources resources;

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public ComputeResources getResources() {
        return resources;
    }

    public void setResources(ComputeResources resources) {
        this.resources = resources;
    }
}

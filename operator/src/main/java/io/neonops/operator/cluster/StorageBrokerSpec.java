package io.neonops.operator.cluster;

import static io.neonops.controlplane.cluster.StorageBrokerSpec.ONE_BROKER;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** The storage broker (Neon releases since December 2022, image tags from 2455): stateless, no volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StorageBrokerSpec {
    @ValidationRule(value = "self == 1", message = "storageBroker replicas must be 1: " + ONE_BROKER)
    @JsonPropertyDescription("Number of storage broker pods: 1, the default and the only number that works: "
            + ONE_BROKER)
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

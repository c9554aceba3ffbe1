package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What every component has: a data volume per node and compute resources per container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class NodeSetSpec {
    private VolumeSpec storage;
    private ComputeResources resources;

    public VolumeSpec getStorage() {
        return storage;
    }

    public void setStorage(VolumeSpec storage) {
        this.storage = storage;
    }

    public ComputeResources getResources() {
        return resources;
    }

    public void setResources(ComputeResources resources) {
        this.resources = resources;
    }
}

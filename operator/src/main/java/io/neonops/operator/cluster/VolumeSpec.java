package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** The data volume of each node of a component. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VolumeSpec {
    /** A Kubernetes quantity, the same grammar the API server accepts for resources. */
    static final String QUANTITY_PATTERN =
            "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))"
            + "(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

    @Pattern(QUANTITY_PATTERN)
    @JsonPropertyDescription("Volume size, e.g. 10Gi")
    private String size;

    @JsonPropertyDescription("Storage class of the volumes; default: the cluster's default class")
    private String storageClassName;

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    public String getStorageClassName() {
        return storageClassName;
    }

    public void setStorageClassName(String storageClassName) {
        this.storageClassName = storageClassName;
    }
}

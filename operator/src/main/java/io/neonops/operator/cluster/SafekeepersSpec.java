package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** The safekeepers, which hold the WAL with a majority quorum. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SafekeepersSpec extends NodeSetSpec {
    @Min(3)
    @JsonPropertyDescription("Number of safekeepers, at least 3; default 3")
    private Integer replicas;

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }
}

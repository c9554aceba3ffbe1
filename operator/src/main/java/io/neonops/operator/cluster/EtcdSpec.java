package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The etcd broker members. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EtcdSpec extends NodeSetSpec {
    @Min(1)
    @Max(7)
    @ValidationRule(value = "self % 2 == 1", message = "etcd replicas must be odd (1, 3, 5 or 7) to keep a quorum")
    @JsonPropertyDescription("Number of etcd members: 1, 3, 5 or 7; default 1")
    private Integer replicas;

    @Size(min = 1)
    @JsonPropertyDescription("etcd image; default quay.io/coreos/etcd:v3.5.17")
    private String image;

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }
}

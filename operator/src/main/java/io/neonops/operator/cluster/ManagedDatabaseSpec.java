package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/**
 * The storage controller's database run by the operator: official postgres image, its own volume (which follows
 * deletionPolicy; default 1Gi) and a generated password Secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ManagedDatabaseSpec extends NodeSetSpec {
    @Size(min = 1)
    @JsonPropertyDescription("Official postgres image; default postgres:16")
    private String image;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }
}

package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** What a user recognises a cluster's software by, in {@code status.upgrade.from} and {@code .to}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SoftwareVersion {
    @JsonPropertyDescription("The Neon image")
    private String image;

    @JsonPropertyDescription("The Postgres majors served")
    private List<Integer> postgresVersions;

    public SoftwareVersion() {
    }

    public SoftwareVersion(String image, List<Integer> postgresVersions) {
        this.image = image;
        this.postgresVersions = postgresVersions;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public List<Integer> getPostgresVersions() {
        return postgresVersions;
    }

    public void setPostgresVersions(List<Integer> postgresVersions) {
        this.postgresVersions = postgresVersions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SoftwareVersion other && Objects.equals(image, other.image)
                && Objects.equals(postgresVersions, other.postgresVersions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, postgresVersions);
    }

    @Override
    public String toString() {
        return "{image=" + image + ", postgresVersions=" + postgresVersions + "}";
    }
}

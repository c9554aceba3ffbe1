package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/** The Postgres majors the running cluster serves, defaults applied. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PostgresStatus {
    private List<Integer> versions;
    private Integer defaultVersion;

    public PostgresStatus() {
    }

    public PostgresStatus(List<Integer> versions, int defaultVersion) {
        this.versions = versions;
        this.defaultVersion = defaultVersion;
    }

    public List<Integer> getVersions() {
        return versions;
    }

    public void setVersions(List<Integer> versions) {
        this.versions = versions;
    }

    public Integer getDefaultVersion() {
        return defaultVersion;
    }

    public void setDefaultVersion(Integer defaultVersion) {
        this.defaultVersion = defaultVersion;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresStatus other && Objects.equals(versions, other.versions)
                && Objects.equals(defaultVersion, other.defaultVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(versions, defaultVersion);
    }
}

package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The Postgres majors the cluster serves. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.defaultVersion) || !has(self.versions) || self.defaultVersion in self.versions",
        message = "defaultVersion must be one of versions", fieldPath = ".defaultVersion")
public class PostgresSpec {
    @Size(min = 1, max = 4)
    @ValidationRule(value = "self.all(v, v >= 14 && v <= 17)", message = "each version must be 14, 15, 16 or 17")
    @ValidationRule(value = "self.all(v, self.filter(w, w == v).size() == 1)", message = "versions must be unique")
    @JsonPropertyDescription("Postgres majors served (14..17, unique); default [17]")
    private List<Integer> versions;

    @Min(14)
    @Max(17)
    @JsonPropertyDescription("Major for new timelines; must be in versions")
    private Integer defaultVersion;

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
}

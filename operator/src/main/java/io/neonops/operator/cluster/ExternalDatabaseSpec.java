package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.neonops.controlplane.cluster.ObjectNames;

/** A database the user runs: the Secret key that holds its connection URL. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExternalDatabaseSpec {
    @Required
    @Pattern(ObjectNames.PATTERN)
    @Size(max = ObjectNames.MAX_LENGTH)
    @JsonPropertyDescription("Secret in the cluster's namespace holding the database URL")
    private String secretName;

    @Size(min = 1)
    @JsonPropertyDescription("Key of the URL in the Secret; default DATABASE_URL")
    private String key;

    public String getSecretName() {
        return secretName;
    }

    public void setSecretName(String secretName) {
        this.secretName = secretName;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}

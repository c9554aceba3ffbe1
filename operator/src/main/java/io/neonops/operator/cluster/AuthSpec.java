package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.neonops.controlplane.cluster.ObjectNames;

/** JWT authentication of the pageserver and safekeeper APIs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.enabled) || !self.enabled || has(self.publicKeySecret)",
        message = "publicKeySecret is required when auth is enabled", fieldPath = ".publicKeySecret")
public class AuthSpec {
    @JsonPropertyDescription("Require JWTs; default false")
    private Boolean enabled;

    @JsonPropertyDescription("Secret with key public-key.pem; required when enabled")
    @Pattern(ObjectNames.PATTERN)
    @Size(max = ObjectNames.MAX_LENGTH)
    private String publicKeySecret;

    @JsonPropertyDescription("Secret with key token: a JWT (scope pageserverapi) the operator presents to the"
            + " pageservers' API; without it, removing a Postgres major is refused while auth is enabled")
    @Pattern(ObjectNames.PATTERN)
    @Size(max = ObjectNames.MAX_LENGTH)
    private String apiTokenSecret;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getPublicKeySecret() {
        return publicKeySecret;
    }

    public void setPublicKeySecret(String publicKeySecret) {
        this.publicKeySecret = publicKeySecret;
    }

    public String getApiTokenSecret() {
        return apiTokenSecret;
    }

    public void setApiTokenSecret(String apiTokenSecret) {
        this.apiTokenSecret = apiTokenSecret;
    }
}

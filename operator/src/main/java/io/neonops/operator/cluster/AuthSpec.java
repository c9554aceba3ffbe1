package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** JWT authentication of the pageserver and safekeeper APIs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.enabled) || !self.enabled || has(self.publicKeySecret)",
        message = "publicKeySecret is required when auth is enabled", fieldPath = ".publicKeySecret")
public class AuthSpec {
    @JsonPropertyDescription("Require JWTs; default false")
    private Boolean enabled;

    @JsonPropertyDescription("Secret with key public-key.pem; required when enabled")
    private String publicKeySecret;

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
}

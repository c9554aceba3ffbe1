package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.neonops.controlplane.cluster.ObjectNames;

/** JWT authentication of the pageserver, safekeeper and storage controller APIs. */
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

    @JsonPropertyDescription("Secret with keys PAGESERVER_JWT_TOKEN (scope pageserverapi), SAFEKEEPER_JWT_TOKEN"
            + " (safekeeperdata) and CONTROL_PLANE_JWT_TOKEN (sent to the compute-notification hook): the storage"
            + " controller's tokens; GENERATIONS_API_JWT_TOKEN (generations_api), which the pageservers present"
            + " on their upcalls; ADMIN_JWT_TOKEN (admin), which the operator presents to register safekeepers;"
            + " required when enabled with a storageController")
    @Pattern(ObjectNames.PATTERN)
    @Size(max = ObjectNames.MAX_LENGTH)
    private String storageControllerSecret;

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

    public String getStorageControllerSecret() {
        return storageControllerSecret;
    }

    public void setStorageControllerSecret(String storageControllerSecret) {
        this.storageControllerSecret = storageControllerSecret;
    }
}

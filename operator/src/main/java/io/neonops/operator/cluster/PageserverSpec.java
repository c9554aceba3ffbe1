package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The pageservers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PageserverSpec extends NodeSetSpec {
    /** Refuses the pageserver.toml keys that the operator writes itself. */
    static final String NO_MANAGED_CONFIG_KEYS = "!has(self.id) && !has(self.listen_pg_addr)"
            + " && !has(self.listen_http_addr) && !has(self.broker_endpoints) && !has(self.pg_distrib_dir)"
            + " && !has(self.remote_storage) && !has(self.auth_type)"
            + " && !has(self.auth_validation_public_key_path) && !has(self.control_plane_api)"
            + " && !has(self.control_plane_api_token) && !has(self.control_plane_emergency_mode)"
            + " && !has(self.broker_endpoint) && !has(self.availability_zone) && !has(self.http_auth_type)"
            + " && !has(self.pg_auth_type)";

    @Min(1)
    @JsonPropertyDescription("Number of pageservers, at least 1; default 1")
    private Integer replicas;

    @PreserveUnknownFields
    @SchemaFrom(type = PageserverConfigSchema.class)
    @ValidationRule(value = NO_MANAGED_CONFIG_KEYS,
            message = "config must not set keys the operator manages: id, listen_pg_addr, listen_http_addr,"
                    + " broker_endpoints, pg_distrib_dir, remote_storage, auth_type, auth_validation_public_key_path,"
                    + " control_plane_api, control_plane_api_token, control_plane_emergency_mode, broker_endpoint,"
                    + " availability_zone, http_auth_type, pg_auth_type")
    @JsonPropertyDescription("Extra pageserver.toml keys")
    private JsonNode config;

    @Size(min = 1)
    @JsonPropertyDescription("Availability zone the pageservers register with the storage controller; default zone-1")
    private String availabilityZone;

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public String getAvailabilityZone() {
        return availabilityZone;
    }

    public void setAvailabilityZone(String availabilityZone) {
        this.availabilityZone = availabilityZone;
    }

    public JsonNode getConfig() {
        return config;
    }

    public void setConfig(JsonNode config) {
        this.config = config;
    }
}

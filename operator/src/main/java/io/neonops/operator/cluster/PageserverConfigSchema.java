package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.List;

/**
 * The CRD schema of {@code spec.pageserver.config} (never instantiated: the field stays a JsonNode): an object
 * keeping any pageserver.toml key, which declares the keys the operator writes itself. The API server hides the
 * undeclared keys of such an object from CEL, and refuses a rule on a node without a type, so the rule refusing
 * the managed keys can only see keys declared here, with the types pageserver.toml gives them.
 */
record PageserverConfigSchema(
        Long id,
        @JsonProperty("listen_pg_addr") String listenPgAddr,
        @JsonProperty("listen_http_addr") String listenHttpAddr,
        @JsonProperty("broker_endpoints") List<String> brokerEndpoints,
        @JsonProperty("pg_distrib_dir") String pgDistribDir,
        @PreserveUnknownFields @JsonProperty("remote_storage") TomlTable remoteStorage,
        @JsonProperty("auth_type") String authType,
        @JsonProperty("auth_validation_public_key_path") String authValidationPublicKeyPath,
        @JsonProperty("control_plane_api") String controlPlaneApi,
        @JsonProperty("control_plane_api_token") String controlPlaneApiToken,
        @JsonProperty("control_plane_emergency_mode") Boolean controlPlaneEmergencyMode,
        @JsonProperty("broker_endpoint") String brokerEndpoint,
        @JsonProperty("availability_zone") String availabilityZone,
        @JsonProperty("http_auth_type") String httpAuthType,
        @JsonProperty("pg_auth_type") String pgAuthType) {

    /** A TOML table of any keys: an object in the schema, which CEL can test for presence. */
    record TomlTable() {
    }
}

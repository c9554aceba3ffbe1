package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.neonops.controlplane.cluster.ObjectNames;

/** An S3-compatible bucket for layer files and WAL backup. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RemoteStorageSpec {
    @Required
    @Size(min = 1)
    private String bucket;

    @Required
    @Size(min = 1)
    private String region;

    @JsonPropertyDescription("Endpoint of an S3-compatible service other than AWS, e.g. http://minio:9000")
    private String endpoint;

    @JsonPropertyDescription("Key prefix inside the bucket")
    private String prefix;

    @JsonPropertyDescription("Secret with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
    @Pattern(ObjectNames.PATTERN)
    @Size(max = ObjectNames.MAX_LENGTH)
    private String credentialsSecret;

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getCredentialsSecret() {
        return credentialsSecret;
    }

    public void setCredentialsSecret(String credentialsSecret) {
        this.credentialsSecret = credentialsSecret;
    }
}

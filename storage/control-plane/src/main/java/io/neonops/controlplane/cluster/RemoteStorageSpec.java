package io.neonops.controlplane.cluster;

import java.util.Objects;
import java.util.Optional;

/** An S3-compatible bucket for pageserver layer files and safekeeper WAL backup. */
public record RemoteStorageSpec(
        String bucket,
        String region,
        Optional<String> endpoint,
        Optional<String> prefix,
        Optional<String> credentialsSecret) {

    public RemoteStorageSpec {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(credentialsSecret, "credentialsSecret");
    }
}

package io.neonops.controlplane.cluster;

/** One refused field of a NeonCluster, e.g. {@code spec.etcd.replicas}: "must be odd (1, 3, 5 or 7), got 2". */
public record FieldError(String path, String reason) {

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}

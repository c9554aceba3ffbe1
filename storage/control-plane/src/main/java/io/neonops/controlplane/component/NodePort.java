package io.neonops.controlplane.component;

/**
 * A named port of a daemon. The name is what Kubernetes port names and probes refer to (at most 15
 * lower-case characters); the number is the daemon's well-known default.
 */
public record NodePort(String name, int port) {

    public static final NodePort ETCD_CLIENT = new NodePort("client", 2379);
    public static final NodePort ETCD_PEER = new NodePort("peer", 2380);
    public static final NodePort PAGESERVER_PG = new NodePort("pg", 6400);
    public static final NodePort PAGESERVER_HTTP = new NodePort("http", 9898);
    public static final NodePort SAFEKEEPER_PG = new NodePort("pg", 5454);
    public static final NodePort SAFEKEEPER_HTTP = new NodePort("http", 7676);
    /** gRPC and HTTP/1 ({@code /status}, {@code /metrics}) on one port, named as in Neon's chart. */
    public static final NodePort STORAGE_BROKER = new NodePort("broker", 50051);
    /** neon_local's port; Neon's chart uses 50051, which would read like the broker's. */
    public static final NodePort STORAGE_CONTROLLER_HTTP = new NodePort("http", 1234);
    public static final NodePort STORAGE_CONTROLLER_DB = new NodePort("pg", 5432);

    public NodePort {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + name + " must be 1..65535, got " + port);
        }
    }

    public NodePort withPort(int number) {
        return new NodePort(name, number);
    }
}

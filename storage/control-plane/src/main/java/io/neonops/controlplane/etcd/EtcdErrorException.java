package io.neonops.controlplane.etcd;

/**
 * An etcd endpoint answered, but with an error status or a body that is not the expected JSON.
 * {@link #etcdMessage()} is etcd's own reason, e.g. {@code etcdserver: unhealthy cluster}.
 */
public final class EtcdErrorException extends EtcdException {

    private final int status;
    private final String etcdMessage;

    EtcdErrorException(String endpoint, String request, int status, String etcdMessage, Throwable cause) {
        super("etcd at " + endpoint + " answered " + request + " with HTTP " + status + ": " + etcdMessage, cause);
        this.status = status;
        this.etcdMessage = etcdMessage;
    }

    public int status() {
        return status;
    }

    public String etcdMessage() {
        return etcdMessage;
    }
}

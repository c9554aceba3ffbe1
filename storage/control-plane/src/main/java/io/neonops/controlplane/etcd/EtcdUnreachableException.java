package io.neonops.controlplane.etcd;

/** No etcd endpoint answered: connections refused, hosts unknown, or no answer in time. */
public final class EtcdUnreachableException extends EtcdException {

    EtcdUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

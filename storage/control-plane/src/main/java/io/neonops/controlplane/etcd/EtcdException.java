package io.neonops.controlplane.etcd;

/** A call to etcd's membership API failed. The message is one line that names the etcd endpoint. */
public abstract sealed class EtcdException extends RuntimeException
        permits EtcdUnreachableException, EtcdErrorException {

    EtcdException(String message, Throwable cause) {
        super(message, cause);
    }
}

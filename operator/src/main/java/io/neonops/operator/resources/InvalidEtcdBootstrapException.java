package io.neonops.operator.resources;

/** The etcd volume claims' record of the bootstrap members cannot be read; the message names the claim and why. */
public final class InvalidEtcdBootstrapException extends Exception {

    public InvalidEtcdBootstrapException(String message) {
        super(message);
    }
}

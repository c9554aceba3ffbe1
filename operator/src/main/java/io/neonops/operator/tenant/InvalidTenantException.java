package io.neonops.operator.tenant;

/** A NeonTenant or NeonTimeline spec the operator cannot carry out; the message names the field and the reason. */
public final class InvalidTenantException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidTenantException(String message) {
        super(message);
    }
}

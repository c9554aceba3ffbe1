package io.neonops.operator.runtime;

/** The operator cannot start; the message is one line that says why and what to do. */
public final class OperatorStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public OperatorStartException(String message) {
        super(message);
    }
}

package io.neonops.operator.runtime;

/** The running operator had to stop although nobody asked it to; the message is one line that says why. */
public final class OperatorFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public OperatorFailedException(String message) {
        super(message);
    }
}

package io.neonops.storage.common.auth;

/** A token that a daemon would refuse: malformed, not EdDSA, or not signed by the key's owner. */
public final class JwtRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public JwtRejectedException(String message) {
        super(message);
    }
}

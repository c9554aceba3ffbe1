package io.neonops.controlplane.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * JWT authentication of the daemons' APIs. The public key comes from a Secret (key {@link #PUBLIC_KEY_FILE});
 * the token the operator presents to the pageservers' API, when they require one, from another (key
 * {@link #API_TOKEN_KEY}): the operator never holds the private key that signs tokens.
 */
public record AuthSpec(boolean enabled, Optional<String> publicKeySecret, Optional<String> apiTokenSecret) {

    public static final String PUBLIC_KEY_FILE = "public-key.pem";
    public static final String API_TOKEN_KEY = "token";
    public static final AuthSpec DISABLED = new AuthSpec(false, Optional.empty(), Optional.empty());

    public AuthSpec {
        Objects.requireNonNull(publicKeySecret, "publicKeySecret");
        Objects.requireNonNull(apiTokenSecret, "apiTokenSecret");
        if (enabled && publicKeySecret.isEmpty()) {
            throw new IllegalArgumentException("auth needs a public key secret when enabled");
        }
    }
}

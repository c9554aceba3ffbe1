package io.neonops.controlplane.cluster;

import java.util.Objects;
import java.util.Optional;

/** JWT authentication of the daemons' APIs; the public key comes from a Secret (key {@link #PUBLIC_KEY_FILE}). */
public record AuthSpec(boolean enabled, Optional<String> publicKeySecret) {

    public static final String PUBLIC_KEY_FILE = "public-key.pem";
    public static final AuthSpec DISABLED = new AuthSpec(false, Optional.empty());

    public AuthSpec {
        Objects.requireNonNull(publicKeySecret, "publicKeySecret");
        if (enabled && publicKeySecret.isEmpty()) {
            throw new IllegalArgumentException("auth needs a public key secret when enabled");
        }
    }
}

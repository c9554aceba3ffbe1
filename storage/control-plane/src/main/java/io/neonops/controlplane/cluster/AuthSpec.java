package io.neonops.controlplane.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.neonops.storage.common.auth.JwtScope;

/**
 * JWT authentication of the daemons' APIs. The public key comes from a Secret (key {@link #PUBLIC_KEY_FILE});
 * the token the operator presents to the pageservers' API, when they require one, from another (key
 * {@link #API_TOKEN_KEY}); the storage controller's tokens from a third ({@link #STORAGE_CONTROLLER_TOKEN_KEYS}):
 * the operator never holds the private key that signs tokens.
 */
public record AuthSpec(boolean enabled, Optional<String> publicKeySecret, Optional<String> apiTokenSecret,
                       Optional<String> storageControllerSecret) {

    public static final String PUBLIC_KEY_FILE = "public-key.pem";
    public static final String API_TOKEN_KEY = "token";
    /**
     * Keys of {@code storageControllerSecret}: the tokens the storage controller presents to the pageservers (scope
     * {@code pageserverapi}), the safekeepers ({@code safekeeperdata}) and the compute-notification hook; named as
     * the environment variables it reads them from.
     */
    public static final List<String> STORAGE_CONTROLLER_TOKEN_KEYS =
            List.of("PAGESERVER_JWT_TOKEN", "SAFEKEEPER_JWT_TOKEN", "CONTROL_PLANE_JWT_TOKEN");
    /** The key of {@link #STORAGE_CONTROLLER_TOKEN_KEYS} with the pageservers' token. */
    public static final String PAGESERVER_TOKEN_KEY = STORAGE_CONTROLLER_TOKEN_KEYS.get(0);
    /** The key of {@link #STORAGE_CONTROLLER_TOKEN_KEYS} with the safekeepers' token, which the operator also presents. */
    public static final String SAFEKEEPER_TOKEN_KEY = STORAGE_CONTROLLER_TOKEN_KEYS.get(1);
    /** The key of {@link #STORAGE_CONTROLLER_TOKEN_KEYS} with the token sent to the compute-notification hook. */
    public static final String COMPUTE_HOOK_TOKEN_KEY = STORAGE_CONTROLLER_TOKEN_KEYS.get(2);
    /**
     * Key of {@code storageControllerSecret} holding the token (scope {@code admin}) the operator presents to the
     * storage controller to register safekeepers; the storage controller's pod does not read it.
     */
    public static final String STORAGE_CONTROLLER_ADMIN_TOKEN_KEY = "ADMIN_JWT_TOKEN";
    /**
     * Key of {@code storageControllerSecret} holding the token (scope {@code generations_api}) modern pageservers present
     * on their upcalls to the storage controller ({@code control_plane_api_token}).
     */
    public static final String PAGESERVER_UPCALL_TOKEN_KEY = "GENERATIONS_API_JWT_TOKEN";
    /**
     * The scope of the token under each key of {@code storageControllerSecret} whose reader is one of Neon's daemons or
     * the operator, for whoever mints them (local mode); the hook's token is the hook's business.
     */
    public static final Map<String, JwtScope> TOKEN_SCOPES = Map.of(
            PAGESERVER_TOKEN_KEY, JwtScope.PAGESERVER_API,
            SAFEKEEPER_TOKEN_KEY, JwtScope.SAFEKEEPER_DATA,
            PAGESERVER_UPCALL_TOKEN_KEY, JwtScope.GENERATIONS_API,
            STORAGE_CONTROLLER_ADMIN_TOKEN_KEY, JwtScope.ADMIN);
    public static final AuthSpec DISABLED = new AuthSpec(false, Optional.empty(), Optional.empty(), Optional.empty());

    public AuthSpec {
        Objects.requireNonNull(publicKeySecret, "publicKeySecret");
        Objects.requireNonNull(apiTokenSecret, "apiTokenSecret");
        Objects.requireNonNull(storageControllerSecret, "storageControllerSecret");
        if (enabled && publicKeySecret.isEmpty()) {
            throw new IllegalArgumentException("auth needs a public key secret when enabled");
        }
    }
}

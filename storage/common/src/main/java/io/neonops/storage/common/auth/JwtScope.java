package io.neonops.storage.common.auth;

import java.util.Arrays;
import java.util.Optional;

/** The {@code scope} claim of Neon's JWTs: what the bearer may call (Neon's {@code utils::auth::Scope}). */
public enum JwtScope {
    /** One tenant's data; the token names the tenant. */
    TENANT("tenant"),
    /** Every tenant on a pageserver and its node-wide API; the storage controller's calls to pageservers. */
    PAGESERVER_API("pageserverapi"),
    /** Everything on a safekeeper; the storage controller's and pageservers' calls to safekeepers. */
    SAFEKEEPER_DATA("safekeeperdata"),
    /** A pageserver's upcalls (re-attach, validate) to the storage controller. */
    GENERATIONS_API("generations_api"),
    /** Every storage controller endpoint. */
    ADMIN("admin"),
    /** The storage controller's infrastructure endpoints (node and safekeeper registration). */
    INFRA("infra"),
    SCRUBBER("scrubber"),
    /** One storage controller asking another to step down. */
    CONTROLLER_PEER("controller_peer");

    private final String claim;

    JwtScope(String claim) {
        this.claim = claim;
    }

    /** The claim's value, e.g. {@code generations_api}. */
    public String claim() {
        return claim;
    }

    public static Optional<JwtScope> fromClaim(String claim) {
        return Arrays.stream(values()).filter(scope -> scope.claim.equals(claim)).findFirst();
    }
}

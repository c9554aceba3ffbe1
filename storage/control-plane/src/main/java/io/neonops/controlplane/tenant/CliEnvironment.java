package io.neonops.controlplane.tenant;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the tenant and timeline commands take from outside their arguments: how to find the local
 * pageserver, and the process environment. Tests pass their own.
 */
public record CliEnvironment(PageserverLocator pageserverLocator, Map<String, String> variables) {

    /** Environment variable with the JWT for pageservers that run with auth. */
    public static final String AUTH_TOKEN_VARIABLE = "NEON_AUTH_TOKEN";

    public CliEnvironment {
        Objects.requireNonNull(pageserverLocator, "pageserverLocator");
        variables = Map.copyOf(variables);
    }

    /** The real process: the pageserver URL file of the work directory, and System.getenv(). */
    public static CliEnvironment system() {
        return new CliEnvironment(new PageserverUrlFile(), System.getenv());
    }

    Optional<String> authToken() {
        return Optional.ofNullable(variables.get(AUTH_TOKEN_VARIABLE)).filter(t -> !t.isBlank());
    }
}

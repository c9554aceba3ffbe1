package io.neonops.storage.common.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a management API lives and how to call it.
 *
 * @param baseUri        the daemon's HTTP root, e.g. {@code http://127.0.0.1:9898} (paths start with /v1)
 * @param connectTimeout   how long to wait for a TCP connection
 * @param requestTimeout   the deadline of each request as a whole: connection, headers and the complete body
 * @param bearerToken      JWT sent as {@code Authorization: Bearer} when the daemon runs with auth
 * @param maxResponseBytes the longest response body read; a longer one fails the request instead of filling the heap
 */
public record ApiClientSettings(URI baseUri, Duration connectTimeout, Duration requestTimeout, Optional<String> bearerToken,
        int maxResponseBytes) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Room for the tenant or timeline list of a pageserver with tens of thousands of them. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    public ApiClientSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        String scheme = baseUri.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || baseUri.getHost() == null) {
            throw new IllegalArgumentException("invalid API URL \"" + baseUri + "\": expected http://host:port");
        }
        if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
            throw new IllegalArgumentException("invalid API URL \"" + baseUri + "\": must not have a query or fragment");
        }
        requirePositive("connect timeout", connectTimeout);
        requirePositive("request timeout", requestTimeout);
        Objects.requireNonNull(bearerToken, "bearerToken");
        if (bearerToken.filter(t -> t.isBlank() || t.chars().anyMatch(Character::isWhitespace)).isPresent()) {
            throw new IllegalArgumentException("invalid bearer token: must be non-empty and contain no whitespace");
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("invalid response size limit " + maxResponseBytes + ": must be positive");
        }
    }

    /** Settings with the default timeouts and no token. */
    public static ApiClientSettings of(URI baseUri) {
        return new ApiClientSettings(baseUri, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, Optional.empty(),
                DEFAULT_MAX_RESPONSE_BYTES);
    }

    /**
     * Parses a base URL given by a user.
     *
     * @throws IllegalArgumentException naming the text when it is not an http(s) URL
     */
    public static ApiClientSettings of(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("API URL is missing: expected http://host:port");
        }
        try {
            return of(new URI(baseUrl.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid API URL \"" + baseUrl + "\": expected http://host:port");
        }
    }

    public ApiClientSettings withBearerToken(String token) {
        return new ApiClientSettings(baseUri, connectTimeout, requestTimeout, Optional.of(token), maxResponseBytes);
    }

    public ApiClientSettings withTimeouts(Duration connect, Duration request) {
        return new ApiClientSettings(baseUri, connect, request, bearerToken, maxResponseBytes);
    }

    public ApiClientSettings withMaxResponseBytes(int limit) {
        return new ApiClientSettings(baseUri, connectTimeout, requestTimeout, bearerToken, limit);
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("invalid " + name + " " + d + ": must be positive");
        }
    }

    /** Hides the token so that settings can be logged. */
    @Override
    public String toString() {
        return "ApiClientSettings[baseUri=" + baseUri + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", bearerToken=" + bearerToken.map(t -> "***").orElse("none")
                + ", maxResponseBytes=" + maxResponseBytes + "]";
    }
}

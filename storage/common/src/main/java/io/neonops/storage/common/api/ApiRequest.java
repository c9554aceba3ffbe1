package io.neonops.storage.common.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of a management API, independent of any HTTP library.
 *
 * @param method GET, POST, PUT or DELETE
 * @param path   absolute path below the base URL, e.g. {@code /v1/tenant}; callers build it from typed ids
 * @param query  query parameters in the order they are sent
 * @param body   the value to send as JSON, if any
 */
public record ApiRequest(Method method, String path, Map<String, String> query, Optional<Object> body) {

    public enum Method { GET, POST, PUT, DELETE }

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("API path must start with /: " + path);
        }
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        Objects.requireNonNull(body, "body");
    }

    public static ApiRequest get(String path) {
        return new ApiRequest(Method.GET, path, Map.of(), Optional.empty());
    }

    public static ApiRequest delete(String path) {
        return new ApiRequest(Method.DELETE, path, Map.of(), Optional.empty());
    }

    public static ApiRequest post(String path, Object body) {
        return new ApiRequest(Method.POST, path, Map.of(), Optional.of(body));
    }

    public static ApiRequest put(String path, Object body) {
        return new ApiRequest(Method.PUT, path, Map.of(), Optional.of(body));
    }

    /** This request with one more query parameter. */
    public ApiRequest withQuery(String name, String value) {
        var more = new LinkedHashMap<>(query);
        more.put(name, value);
        return new ApiRequest(method, path, more, body);
    }
}

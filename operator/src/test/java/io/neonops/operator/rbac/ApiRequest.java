package io.neonops.operator.rbac;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A request to the API server as RBAC sees it: the permission it needs and the namespace it is in (empty for
 * cluster-wide lists and watches, and for non-resource paths such as {@code /version}).
 *
 * @param permission the verb on the resource; empty for non-resource paths
 */
record ApiRequest(String method, String path, Optional<ApiPermission> permission, Optional<String> namespace) {

    /** @param pathAndQuery as the API server received it, e.g. {@code /api/v1/namespaces/a/pods?watch=true} */
    static ApiRequest parse(String method, String pathAndQuery) {
        URI uri = URI.create(pathAndQuery);
        List<String> segments = Arrays.stream(uri.getPath().split("/")).filter(s -> !s.isEmpty()).toList();
        int resourceStart;
        String group;
        if (segments.size() > 2 && segments.get(0).equals("api")) {
            group = "";
            resourceStart = 2;
        } else if (segments.size() > 3 && segments.get(0).equals("apis")) {
            group = segments.get(1);
            resourceStart = 3;
        } else {
            return new ApiRequest(method, pathAndQuery, Optional.empty(), Optional.empty());
        }
        List<String> rest = segments.subList(resourceStart, segments.size());
        Optional<String> namespace = Optional.empty();
        if (rest.size() > 2 && rest.get(0).equals("namespaces")) {
            namespace = Optional.of(rest.get(1));
            rest = rest.subList(2, rest.size());
        }
        String resource = rest.get(0) + (rest.size() > 2 ? "/" + rest.get(2) : "");
        boolean named = rest.size() > 1;
        boolean watch = uri.getQuery() != null && Arrays.asList(uri.getQuery().split("&")).contains("watch=true");
        String verb = switch (method) {
            case "GET" -> named ? "get" : watch ? "watch" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> throw new AssertionError("unexpected method " + method + " " + pathAndQuery);
        };
        return new ApiRequest(method, pathAndQuery, Optional.of(new ApiPermission(group, resource, verb)), namespace);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}

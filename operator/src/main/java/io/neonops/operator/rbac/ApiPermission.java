package io.neonops.operator.rbac;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One permission, the unit RBAC rules expand to: a verb on a resource (or {@code resource/subresource}) of an
 * API group ({@code ""} for the core group).
 */
public record ApiPermission(String group, String resource, String verb) implements Comparable<ApiPermission> {

    private static final Comparator<ApiPermission> ORDER = Comparator.comparing(ApiPermission::group)
            .thenComparing(ApiPermission::resource).thenComparing(ApiPermission::verb);

    public ApiPermission {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(verb, "verb");
    }

    /** {@code verbs} on the resource that {@code kind} is served as, e.g. {@code pods} in the core group. */
    public static Set<ApiPermission> on(Class<? extends HasMetadata> kind, String... verbs) {
        return on(HasMetadata.getGroup(kind), HasMetadata.getPlural(kind), verbs);
    }

    /** {@code verbs} on a subresource of {@code kind}, e.g. {@code neonclusters/status}. */
    public static Set<ApiPermission> onSubresource(Class<? extends HasMetadata> kind, String subresource, String... verbs) {
        return on(HasMetadata.getGroup(kind), HasMetadata.getPlural(kind) + "/" + subresource, verbs);
    }

    public static Set<ApiPermission> on(String group, String resource, String... verbs) {
        Set<ApiPermission> permissions = new LinkedHashSet<>();
        for (String verb : verbs) {
            permissions.add(new ApiPermission(group, resource, verb));
        }
        return permissions;
    }

    @Override
    public int compareTo(ApiPermission other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return verb + " " + (group.isEmpty() ? "" : group + "/") + resource;
    }
}

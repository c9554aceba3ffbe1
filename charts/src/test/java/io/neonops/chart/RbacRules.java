package io.neonops.chart;

import com.fasterxml.jackson.databind.JsonNode;
import io.neonops.operator.rbac.ApiPermission;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The permissions rendered RBAC rules grant: a rule with several groups, resources and verbs grants each
 * combination, so comparing sets of permissions ignores how the rules happen to be grouped.
 */
final class RbacRules {

    private RbacRules() {
    }

    static Set<ApiPermission> permissions(JsonNode rules) {
        Set<ApiPermission> permissions = new HashSet<>();
        for (JsonNode rule : rules) {
            for (String group : texts(rule.path("apiGroups"))) {
                for (String resource : texts(rule.path("resources"))) {
                    permissions.addAll(ApiPermission.on(group, resource, texts(rule.path("verbs")).toArray(String[]::new)));
                }
            }
        }
        return permissions;
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asText).toList();
    }
}

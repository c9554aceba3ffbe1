package io.neonops.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One permission, the unit RBAC rules expand to: a rule with several groups, resources and verbs grants
 * each combination. Comparing sets of grants ignores how the rules happen to be grouped.
 */
record Grant(String apiGroup, String resource, String verb) {

    static Set<Grant> all(List<String> apiGroups, List<String> resources, List<String> verbs) {
        Set<Grant> grants = new HashSet<>();
        for (String group : apiGroups) {
            for (String resource : resources) {
                for (String verb : verbs) {
                    grants.add(new Grant(group, resource, verb));
                }
            }
        }
        return grants;
    }

    static Set<Grant> ofRules(JsonNode rules) {
        Set<Grant> grants = new HashSet<>();
        for (JsonNode rule : rules) {
            grants.addAll(all(texts(rule.path("apiGroups")), texts(rule.path("resources")), texts(rule.path("verbs"))));
        }
        return grants;
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asText).toList();
    }
}

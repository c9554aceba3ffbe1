package io.neonops.operator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Whether every field the operator sets is present, with the same value, in what the API server holds. Fields
 * the server adds (defaults, allocated IPs) are ignored, so they never count as drift.
 */
final class JsonSubset {

    private JsonSubset() {
    }

    static boolean contains(JsonNode observed, JsonNode desired) {
        if (desired == null || desired.isNull() || desired.isMissingNode()) {
            return true;
        }
        if (observed == null || observed.isNull() || observed.isMissingNode()) {
            return false;
        }
        if (desired.isObject()) {
            if (!observed.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : desired.properties()) {
                if (!contains(observed.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isArray()) {
            if (!observed.isArray() || observed.size() != desired.size()) {
                return false;
            }
            for (int i = 0; i < desired.size(); i++) {
                if (!contains(observed.get(i), desired.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isNumber() && observed.isNumber()) {
            return desired.decimalValue().compareTo(observed.decimalValue()) == 0;
        }
        return desired.equals(observed);
    }
}

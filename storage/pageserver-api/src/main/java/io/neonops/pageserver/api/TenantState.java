package io.neonops.pageserver.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's state in the pageserver's memory, e.g. {@code Active}, {@code Paused}, {@code Broken}.
 *
 * <p>Pageservers have written it in three shapes, all read here: the plain string ({@code "Active"}),
 * the externally tagged object of the 2022 releases ({@code {"Active":{"background_jobs_running":true}}},
 * later {@code {"Broken":{"reason":"..."}}}), and the {@code {"slug":"Active","data":...}} of later
 * releases. The name is kept as text because new releases add states.
 *
 * @param name                  the state's name as the server spells it
 * @param backgroundJobsRunning only in the 2022 {@code Active} object form
 * @param reason                why a {@code Broken} tenant broke, when the server says
 */
public record TenantState(String name, Optional<Boolean> backgroundJobsRunning, Optional<String> reason) {

    public static final String ACTIVE = "Active";

    public TenantState {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tenant state name is missing");
        }
    }

    public static TenantState named(String name) {
        return new TenantState(name, Optional.empty(), Optional.empty());
    }

    /** The 2022 form of an active tenant. */
    public static TenantState active(boolean backgroundJobsRunning) {
        return new TenantState(ACTIVE, Optional.of(backgroundJobsRunning), Optional.empty());
    }

    public boolean isActive() {
        return ACTIVE.equals(name);
    }

    @JsonCreator
    static TenantState fromJson(JsonNode node) {
        if (node.isTextual()) {
            return named(node.textValue());
        }
        if (node.isObject() && node.hasNonNull("slug") && node.get("slug").isTextual()) {
            return withDetails(node.get("slug").textValue(), node.get("data"));
        }
        if (node.isObject() && node.size() == 1) {
            var entry = node.properties().iterator().next();
            return withDetails(entry.getKey(), entry.getValue());
        }
        throw new IllegalArgumentException("invalid tenant state " + node
                + ": expected a name such as \"Active\" or an object such as {\"Active\":{\"background_jobs_running\":true}}");
    }

    private static TenantState withDetails(String name, JsonNode details) {
        Optional<JsonNode> object = Optional.ofNullable(details).filter(JsonNode::isObject);
        return new TenantState(name,
                object.map(d -> d.get("background_jobs_running")).filter(JsonNode::isBoolean).map(JsonNode::booleanValue),
                object.map(d -> d.get("reason")).filter(JsonNode::isTextual).map(JsonNode::textValue));
    }

    /** The plain string when there are no details, else the externally tagged object. */
    @JsonValue
    Object toJson() {
        if (backgroundJobsRunning.isEmpty() && reason.isEmpty()) {
            return name;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        backgroundJobsRunning.ifPresent(b -> details.put("background_jobs_running", b));
        reason.ifPresent(r -> details.put("reason", r));
        return Map.of(name, details);
    }

    /** For tables: the name, plus the broken reason when known. */
    @Override
    public String toString() {
        return reason.map(r -> name + " (" + r + ")").orElse(name);
    }
}

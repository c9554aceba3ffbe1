package io.neonops.controller.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.neonops.storage.common.api.NeonJson;

/**
 * Reads bodies in which Neon flattens one struct's fields next to others ({@code #[serde(flatten)]}), e.g.
 * the {@code TenantConfig} keys beside a request's own: Jackson cannot unwrap into a record's constructor,
 * so each part is read from the same tree, ignoring the other parts' fields.
 */
final class FlattenedFields {

    private FlattenedFields() {
    }

    static <T> T read(JsonNode body, Class<T> part) throws JsonProcessingException {
        return NeonJson.reader().treeToValue(body, part);
    }
}

package io.neonops.storage.common.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.neonops.storage.common.api.NeonJson;
import java.io.UncheckedIOException;

/** JSON text through the project's shared mapper, for model tests; failures keep Jackson's message. */
public final class JsonText {

    private JsonText() {
    }

    public static String write(Object value) {
        try {
            return NeonJson.writer().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return NeonJson.reader().forType(type).readValue(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return NeonJson.reader().forType(type).readValue(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    public static JsonNode tree(String json) {
        try {
            return NeonJson.reader().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}

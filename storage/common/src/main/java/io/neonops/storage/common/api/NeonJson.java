package io.neonops.storage.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The one JSON configuration for Neon's management APIs, shared by every client.
 *
 * <p>Readers are tolerant, because servers of several Neon releases answer differently: unknown fields
 * are ignored, absent and {@code null} optional fields become {@code Optional.empty()}. Writers omit
 * empty optionals (Neon reads a missing option as none, and the OpenAPI schemas do not allow nulls).
 * Field names are snake_case as in Neon's serde models.
 */
public final class NeonJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
            .build();

    private NeonJson() {
    }

    /** A new mapper with this configuration, for callers that must add their own settings. */
    public static ObjectMapper newMapper() {
        return MAPPER.copy();
    }

    public static ObjectReader reader() {
        return MAPPER.reader();
    }

    public static ObjectWriter writer() {
        return MAPPER.writer();
    }
}

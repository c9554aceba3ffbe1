package io.neonops.controller.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.function.Function;

/**
 * Reads a value from its JSON tree with a parse function, for the closed sets Jackson cannot bind by
 * itself (Rust's externally tagged and untagged enums). An {@link IllegalArgumentException} of the
 * parse function becomes a mapping error, so that clients report it with the URL like any bad body.
 */
abstract class TreeDeserializer<T> extends StdDeserializer<T> {

    private final transient Function<JsonNode, T> parse;

    TreeDeserializer(Class<T> type, Function<JsonNode, T> parse) {
        super(type);
        this.parse = parse;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        try {
            return parse.apply(node);
        } catch (IllegalArgumentException e) {
            throw JsonMappingException.from(parser, e.getMessage(), e);
        }
    }
}

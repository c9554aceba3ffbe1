package io.neonops.operator.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the API server shows a structural schema node to CEL (k8s.io/apiserver's {@code SchemaDeclType} and its
 * value conversion): an object with properties is a struct of its (escaped) property names, an object with
 * additionalProperties a map, integer is {@code int}, number {@code double}, x-kubernetes-int-or-string
 * {@code dyn}. A node without a type (x-kubernetes-preserve-unknown-fields alone) is hidden from CEL, and so is
 * an array or map of hidden nodes and an undeclared field of a preserve-unknown-fields object. The root of a
 * resource also shows apiVersion, kind, metadata.name and metadata.generateName. Unlike the API server, string
 * formats (date-time, duration, byte) stay plain strings here.
 *
 * <p>Struct types are registered under their schema path as they are met; they serve as the compiler's
 * {@link CelTypeProvider} once every node with rules has been typed.
 */
final class SchemaCelTypes implements CelTypeProvider {

    private static final Pattern ESCAPABLE = Pattern.compile("[a-zA-Z_.\\-/][a-zA-Z0-9_.\\-/]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "in", "as", "break", "const",
            "continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return",
            "var", "void", "while");

    private final Map<String, StructType> structs = new LinkedHashMap<>();

    /** The CEL type of {@code node} at {@code path}, or empty when the API server hides the node from CEL. */
    Optional<CelType> typeOf(String path, JSONSchemaProps node, boolean resourceRoot) {
        JSONSchemaProps schema = resourceRoot ? withTypeAndObjectMeta(node) : node;
        if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
            return Optional.of(SimpleType.DYN);
        }
        String type = schema.getType() == null ? "" : schema.getType();
        return switch (type) {
            case "array" -> items(schema).flatMap(items -> typeOf(path + "[*]", items, isEmbedded(items)))
                    .map(ListType::create);
            case "object" -> additionalProperties(schema)
                    .map(values -> typeOf(path + "[*]", values, isEmbedded(values))
                            .map(valueType -> (CelType) MapType.create(SimpleType.STRING, valueType)))
                    .orElseGet(() -> Optional.of(struct(path, schema)));
            case "string" -> Optional.of(SimpleType.STRING);
            case "boolean" -> Optional.of(SimpleType.BOOL);
            case "integer" -> Optional.of(SimpleType.INT);
            case "number" -> Optional.of(SimpleType.DOUBLE);
            default -> Optional.empty();
        };
    }

    private StructType struct(String path, JSONSchemaProps schema) {
        Map<String, CelType> fields = new LinkedHashMap<>();
        properties(schema).forEach((name, property) -> escape(name).ifPresent(field ->
                typeOf(child(path, name), property, isEmbedded(property))
                        .ifPresent(fieldType -> fields.put(field, fieldType))));
        StructType struct = StructType.create("crd." + (path.isEmpty() ? "root" : path),
                ImmutableSet.copyOf(fields.keySet()), field -> Optional.ofNullable(fields.get(field)));
        structs.put(struct.name(), struct);
        return struct;
    }

    /**
     * {@code value} as CEL sees it at {@code node}, or empty when it is absent or null (the API server prunes
     * nulls before validation). Only the fields CEL can see are kept; integers are {@code long}.
     *
     * @throws IllegalArgumentException when the value does not have the schema's type, which the API server
     *                                  would refuse before any rule runs
     */
    static Optional<Object> valueOf(String path, JSONSchemaProps node, JsonNode value, boolean resourceRoot) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        JSONSchemaProps schema = resourceRoot ? withTypeAndObjectMeta(node) : node;
        if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
            return Optional.of(value.isIntegralNumber() ? (Object) value.longValue()
                    : expect(path, value.isTextual(), "integer or string", value).asText());
        }
        String type = schema.getType() == null ? "" : schema.getType();
        return switch (type) {
            case "array" -> Optional.of(list(path, schema, expect(path, value.isArray(), "array", value)));
            case "object" -> Optional.of(object(path, schema, expect(path, value.isObject(), "object", value)));
            case "string" -> Optional.of(expect(path, value.isTextual(), "string", value).asText());
            case "boolean" -> Optional.of(expect(path, value.isBoolean(), "boolean", value).booleanValue());
            case "integer" -> Optional.of(expect(path, value.isIntegralNumber(), "integer", value).longValue());
            case "number" -> Optional.of(expect(path, value.isNumber(), "number", value).doubleValue());
            default -> Optional.empty();
        };
    }

    private static List<Object> list(String path, JSONSchemaProps schema, JsonNode array) {
        JSONSchemaProps items = items(schema).orElseThrow();
        ImmutableList.Builder<Object> list = ImmutableList.builder();
        for (int i = 0; i < array.size(); i++) {
            valueOf(path + "[" + i + "]", items, array.get(i), isEmbedded(items)).ifPresent(list::add);
        }
        return list.build();
    }

    private static Map<String, Object> object(String path, JSONSchemaProps schema, JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        Optional<JSONSchemaProps> values = additionalProperties(schema);
        if (values.isPresent()) {
            object.properties().forEach(entry -> valueOf(path + "[" + entry.getKey() + "]", values.get(),
                    entry.getValue(), isEmbedded(values.get())).ifPresent(v -> map.put(entry.getKey(), v)));
        } else {
            properties(schema).forEach((name, property) -> escape(name).ifPresent(field ->
                    valueOf(child(path, name), property, object.get(name), isEmbedded(property))
                            .ifPresent(v -> map.put(field, v))));
        }
        return map;
    }

    private static JsonNode expect(String path, boolean matches, String type, JsonNode value) {
        if (!matches) {
            throw new IllegalArgumentException((path.isEmpty() ? "the resource" : path) + ": the schema says "
                    + type + ", got " + value.getNodeType().name().toLowerCase() + " " + value);
        }
        return value;
    }

    /**
     * The name under which CEL sees a property, as the API server escapes it ({@code __dash__} for '-',
     * {@code __namespace__} for a reserved word...), or empty when it cannot be named in CEL at all.
     */
    static Optional<String> escape(String name) {
        if (RESERVED.contains(name)) {
            return Optional.of("__" + name + "__");
        }
        if (!ESCAPABLE.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(name.replace("__", "__underscores__").replace(".", "__dot__")
                .replace("-", "__dash__").replace("/", "__slash__"));
    }

    /** The path of property {@code name} below {@code path} ({@code ""} is the root). */
    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static Map<String, JSONSchemaProps> properties(JSONSchemaProps schema) {
        return schema.getProperties() == null ? Map.of() : schema.getProperties();
    }

    static Optional<JSONSchemaProps> items(JSONSchemaProps schema) {
        return Optional.ofNullable(schema.getItems()).map(items -> items.getSchema());
    }

    static Optional<JSONSchemaProps> additionalProperties(JSONSchemaProps schema) {
        return Optional.ofNullable(schema.getAdditionalProperties()).map(additional -> additional.getSchema());
    }

    static boolean isEmbedded(JSONSchemaProps schema) {
        return Boolean.TRUE.equals(schema.getXKubernetesEmbeddedResource());
    }

    /** The root of a resource, where CEL always sees apiVersion, kind, metadata.name and metadata.generateName. */
    private static JSONSchemaProps withTypeAndObjectMeta(JSONSchemaProps schema) {
        JSONSchemaProps string = new JSONSchemaPropsBuilder().withType("string").build();
        Map<String, JSONSchemaProps> properties = new LinkedHashMap<>(properties(schema));
        properties.put("apiVersion", string);
        properties.put("kind", string);
        properties.put("metadata", new JSONSchemaPropsBuilder().withType("object")
                .addToProperties("name", string).addToProperties("generateName", string).build());
        return new JSONSchemaPropsBuilder(schema).withType("object").withProperties(properties).build();
    }

    @Override
    public ImmutableCollection<CelType> types() {
        return ImmutableList.copyOf(structs.values());
    }

    @Override
    public Optional<CelType> findType(String typeName) {
        return Optional.ofNullable(structs.get(typeName));
    }
}

package io.neonops.operator.resources;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kubernetes objects in the form an API server keeps them. The server drops the zero value ({@code false},
 * {@code 0}, {@code ""}, empty lists and maps) of every optional field that is not a pointer in its Go types
 * ({@code omitempty}), and canonicalises quantities ({@code 1024Mi} is stored as {@code 1Gi}). So the operator
 * sends no zero value the server would drop, and compares and hashes objects by value: a desired object and
 * what the server returned for it have the same {@link #canonical} form, but for the fields the server adds.
 * Which fields are structs and which are maps (whose entries are data, kept whatever their value) comes from
 * the fabric8 model's types.
 */
public final class ApiForm {

    /**
     * The optional fields of the kinds the operator writes whose zero value differs from their absence: pointers
     * in the Kubernetes API ({@code *bool}, {@code *int64}, {@code *IntOrString}), which the server keeps.
     */
    static final Set<String> MEANINGFUL_ZEROS = Set.of(
            "automountServiceAccountToken", "enableServiceLinks", "shareProcessNamespace", "hostUsers",
            "setHostnameAsFQDN", "terminationGracePeriodSeconds", "activeDeadlineSeconds",
            "allowPrivilegeEscalation", "privileged", "readOnlyRootFilesystem", "runAsNonRoot", "runAsUser",
            "runAsGroup", "fsGroup", "defaultMode", "mode", "optional", "maxUnavailable", "minAvailable",
            "allocateLoadBalancerNodePorts", "blockOwnerDeletion", "controller");

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final ObjectMapper TYPES = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<Class<?>, Map<String, JavaType>> FIELDS = new ConcurrentHashMap<>();

    private ApiForm() {
    }

    /** {@code object} without the zero values the API server would drop: what the operator sends. */
    @SuppressWarnings("unchecked")
    public static <T> T withoutDroppedZeros(T object) {
        JsonNode tree = normalise(JSON.convertValue(object, JsonNode.class), typeOf(object.getClass()), false);
        return (T) JSON.convertValue(tree == null ? NODES.objectNode() : tree, object.getClass());
    }

    /**
     * The form to compare and hash: zero values the server drops left out, quantities as their decimal value,
     * keys sorted. Equal for equal intents, whatever the spelling of the quantities or the order of map entries.
     */
    public static ObjectNode canonical(Object object) {
        JsonNode tree = normalise(JSON.convertValue(object, JsonNode.class), typeOf(object.getClass()), true);
        return tree instanceof ObjectNode node ? node : NODES.objectNode();
    }

    /** The value of a quantity as plain decimal text, e.g. {@code 1073741824} for {@code 1Gi}, {@code 0.5} for {@code 500m}. */
    public static String quantityValue(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).stripTrailingZeros().toPlainString();
    }

    private static JavaType typeOf(Class<?> kind) {
        return TYPES.constructType(kind);
    }

    /** The node in its server form; null when it is a zero value, which its parent then leaves out. */
    private static JsonNode normalise(JsonNode node, JavaType type, boolean byValue) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (type.hasRawClass(Quantity.class)) {
            return byValue && node.isTextual() ? quantity(node.asText()) : node;
        }
        if (node.isObject() && type.isMapLikeType()) {
            ObjectNode entries = NODES.objectNode();
            sortedIf(byValue, node).forEach((key, value) -> {
                JsonNode normal = normalise(value, type.getContentType(), byValue);
                entries.set(key, normal == null ? value : normal);
            });
            return entries;
        }
        if (node.isArray()) {
            ArrayNode elements = NODES.arrayNode();
            JavaType element = type.isContainerType() ? type.getContentType() : TYPES.constructType(Object.class);
            node.forEach(value -> {
                JsonNode normal = normalise(value, element, byValue);
                elements.add(normal == null ? value : normal);
            });
            return elements.isEmpty() ? null : elements;
        }
        if (node.isObject()) {
            Map<String, JavaType> fields = fieldsOf(type);
            ObjectNode kept = NODES.objectNode();
            sortedIf(byValue, node).forEach((name, value) -> {
                JavaType fieldType = fields.getOrDefault(name, TYPES.constructType(Object.class));
                JsonNode normal = normalise(value, fieldType, byValue);
                if (normal != null) {
                    kept.set(name, normal);
                } else if (MEANINGFUL_ZEROS.contains(name) && !value.isNull()) {
                    kept.set(name, value);
                }
            });
            return kept.isEmpty() ? null : kept;
        }
        return isZero(node) ? null : node;
    }

    private static Map<String, JsonNode> sortedIf(boolean sorted, JsonNode object) {
        Map<String, JsonNode> fields = sorted ? new TreeMap<>() : new LinkedHashMap<>();
        object.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }

    /** Whether {@code node} is the zero value of its type: {@code false}, {@code 0}, {@code ""}, {@code []} or {@code {}}. */
    public static boolean isZero(JsonNode node) {
        return node.isNull()
                || node.isBoolean() && !node.booleanValue()
                || node.isNumber() && node.decimalValue().signum() == 0
                || node.isTextual() && node.textValue().isEmpty()
                || node.isContainerNode() && node.isEmpty();
    }

    private static JsonNode quantity(String text) {
        try {
            return TextNode.valueOf(quantityValue(new Quantity(text)));
        } catch (IllegalArgumentException | ArithmeticException e) {
            // not a quantity the server would accept either: compared as written
            return TextNode.valueOf(text);
        }
    }

    /** The JSON field names of a fabric8 model class and their types; none for a type that is no bean. */
    private static Map<String, JavaType> fieldsOf(JavaType type) {
        return FIELDS.computeIfAbsent(type.getRawClass(), kind -> {
            Map<String, JavaType> fields = new TreeMap<>();
            if (kind == Object.class || kind.isPrimitive() || kind.getName().startsWith("java.")) {
                return fields;
            }
            BeanDescription bean = TYPES.getSerializationConfig().introspect(type);
            for (BeanPropertyDefinition property : bean.findProperties()) {
                fields.put(property.getName(), property.getPrimaryType());
            }
            return fields;
        });
    }
}

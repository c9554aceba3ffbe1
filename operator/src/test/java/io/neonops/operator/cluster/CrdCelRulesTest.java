package io.neonops.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRuleBuilder;
import io.neonops.operator.cluster.CrdCelRules.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CEL plumbing itself, on small hand-written schemas: it must catch what the API server catches. */
class CrdCelRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reportsARuleNamingAFieldTheSchemaDoesNotHaveWithPathRuleAndCompilerMessage() {
        JSONSchemaProps etcd = rule(object(Map.of("replicas", type("integer"))), "self.replica % 2 == 1");

        assertThat(onlyProblem("etcd", etcd))
                .contains("spec.etcd", "self.replica % 2 == 1", "undefined field 'replica'");
    }

    @ParameterizedTest(name = "{0} `{1}`: {2}")
    @CsvSource(delimiter = '|', value = {
        "integer | self == '3'          | no matching overload",
        "integer | self % 2 ==          | does not compile",
        "integer | self + 1             | gives int, not bool",
        "string  | self.matches('[a-z') | is refused"})
    void reportsARuleTheApiServerWouldNotCompile(String type, String rule, String reason) {
        assertThat(onlyProblem("field", rule(type(type), rule))).contains("spec.field", rule, reason);
    }

    @Test
    void reportsARuleOnAnUntypedPreserveUnknownFieldsNodeWhichCelCannotSee() {
        JSONSchemaProps config = rule(new JSONSchemaPropsBuilder().withXKubernetesPreserveUnknownFields(true).build(),
                "!has(self.id)");

        assertThat(onlyProblem("config", config)).contains("spec.config", "CEL cannot see");
    }

    @Test
    void reportsAnUndeclaredKeyOfAPreserveUnknownFieldsObjectAsUndefined() {
        JSONSchemaProps config = rule(new JSONSchemaPropsBuilder().withType("object")
                .withXKubernetesPreserveUnknownFields(true).build(), "!has(self.id)");

        assertThat(onlyProblem("config", config)).contains("spec.config", "undefined field 'id'");
    }

    @Test
    void reportsAFieldPathThatIsNotInTheSchema() {
        JSONSchemaProps auth = new JSONSchemaPropsBuilder(object(Map.of("enabled", type("boolean"))))
                .withXKubernetesValidations(new ValidationRuleBuilder().withRule("true").withMessage("m")
                        .withFieldPath(".secret").build())
                .build();

        assertThat(onlyProblem("auth", auth)).contains("spec.auth", "fieldPath .secret");
    }

    @Test
    void appliesAnItemRuleToEveryItemAndNamesTheRefusedIndex() {
        JSONSchemaProps versions = new JSONSchemaPropsBuilder().withType("array")
                .withNewItems().withSchema(rule(type("integer"), "self >= 14")).endItems().build();
        CrdCelRules rules = CrdCelRules.compile(resource(Map.of("versions", versions)));

        var outcome = rules.check(manifest("{\"versions\": [14, 13, 12]}"));

        assertThat(outcome.evaluated()).hasSize(3);
        assertThat(outcome.violations()).extracting(Violation::field)
                .containsExactly("spec.versions[1]", "spec.versions[2]");
    }

    @Test
    void runsNoRuleOnAnAbsentOrNullValue() {
        JSONSchemaProps replicas = rule(type("integer"), "self % 2 == 1");
        CrdCelRules rules = CrdCelRules.compile(resource(Map.of("replicas", replicas)));

        assertThat(rules.check(manifest("{}")).evaluated()).isEmpty();
        assertThat(rules.check(manifest("{\"replicas\": null}")).evaluated()).isEmpty();
        assertThat(rules.check(manifest("{\"replicas\": 2}")).violations()).extracting(Violation::message)
                .containsExactly("refused");
    }

    @Test
    void showsTheResultOfTheMessageExpression() {
        JSONSchemaProps replicas = new JSONSchemaPropsBuilder(type("integer"))
                .withXKubernetesValidations(new ValidationRuleBuilder().withRule("self <= 3")
                        .withMessageExpression("'at most 3 replicas, got ' + string(self)").build())
                .build();
        CrdCelRules rules = CrdCelRules.compile(resource(Map.of("replicas", replicas)));

        assertThat(rules.check(manifest("{\"replicas\": 5}")).violations()).extracting(Violation::message)
                .containsExactly("at most 3 replicas, got 5");
    }

    @Test
    void seesAPropertyWithADashUnderItsEscapedName() {
        JSONSchemaProps storage = rule(object(Map.of("max-size", type("integer"))), "self.max__dash__size < 10");
        CrdCelRules rules = CrdCelRules.compile(resource(Map.of("storage", storage)));

        assertThat(rules.problems()).isEmpty();
        assertThat(rules.check(manifest("{\"storage\": {\"max-size\": 12}}")).violations()).hasSize(1);
    }

    @Test
    void compilesATransitionRuleButDoesNotRunItOnCreate() {
        JSONSchemaProps image = rule(type("string"), "self == oldSelf");
        CrdCelRules rules = CrdCelRules.compile(resource(Map.of("image", image)));

        assertThat(rules.problems()).isEmpty();
        assertThat(rules.check(manifest("{\"image\": \"neon:1\"}")).evaluated()).isEmpty();
    }

    @Test
    void refusesToCheckAValueOfAnotherTypeThanTheSchemas() {
        JSONSchemaProps replicas = rule(type("integer"), "self % 2 == 1");
        CrdCelRules rules = CrdCelRules.compile(resource(Map.of("replicas", replicas)));

        assertThatThrownBy(() -> rules.check(manifest("{\"replicas\": \"three\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spec.replicas: the schema says integer, got string");
    }

    /** The single problem compiling a resource whose spec has only {@code property}. */
    private static String onlyProblem(String property, JSONSchemaProps node) {
        List<String> problems = CrdCelRules.compile(resource(Map.of(property, node))).problems();
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    /** A resource whose spec has the given properties. */
    private static JSONSchemaProps resource(Map<String, JSONSchemaProps> spec) {
        return object(Map.of("spec", object(spec)));
    }

    private static JSONSchemaProps object(Map<String, JSONSchemaProps> properties) {
        return new JSONSchemaPropsBuilder().withType("object").withProperties(properties).build();
    }

    private static JSONSchemaProps type(String type) {
        return new JSONSchemaPropsBuilder().withType(type).build();
    }

    private static JSONSchemaProps rule(JSONSchemaProps node, String rule) {
        return new JSONSchemaPropsBuilder(node)
                .withXKubernetesValidations(new ValidationRuleBuilder().withRule(rule).withMessage("refused").build())
                .build();
    }

    private static JsonNode manifest(String specJson) {
        try {
            return JSON.readTree("{\"apiVersion\": \"v1\", \"kind\": \"Thing\", \"spec\": " + specJson + "}");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test spec " + specJson, e);
        }
    }
}

package io.neonops.operator.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.validator.CelValidatorFactory;
import dev.cel.validator.validators.DurationLiteralValidator;
import dev.cel.validator.validators.HomogeneousLiteralValidator;
import dev.cel.validator.validators.RegexLiteralValidator;
import dev.cel.validator.validators.TimestampLiteralValidator;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The x-kubernetes-validations rules of a CRD schema, compiled and evaluated with CEL for Java the way the API
 * server does, so that tests find a rule the API server would refuse to install (syntax, unknown field, wrong
 * type, a node CEL cannot see) and see which objects a rule refuses.
 *
 * <p>The environment is the API server's base one as far as CEL for Java has it: standard macros and functions,
 * the strings, sets and optional libraries, {@code self} (and {@code oldSelf}) typed from the schema node by
 * {@link SchemaCelTypes}, a rule must give a bool. Kubernetes' own libraries (quantity, url, ip, cidr, the lists
 * and regex additions, format, semver) are missing: a rule using them fails to compile here, not silently. Cost
 * limits are not estimated.
 */
public final class CrdCelRules {

    /** One rule and where it sits, e.g. {@code spec.etcd.replicas}; {@code [*]} stands for every item or value. */
    public record Rule(String path, String rule, String message, Optional<String> messageExpression,
            Optional<String> fieldPath) {

        @Override
        public String toString() {
            return (path.isEmpty() ? "(root)" : path) + ": " + rule;
        }
    }

    /** An object's value that a rule refuses: the field the API server names and the message it shows. */
    public record Violation(Rule rule, String field, String message) {

        @Override
        public String toString() {
            return field + ": " + message + " (rule " + rule + ")";
        }
    }

    /** What applying the rules to one object did: the rules that ran (once per value) and those that refused. */
    public record Outcome(List<Rule> evaluated, List<Violation> violations) {
    }

    private record Compiled(Rule rule, Cel cel, CelAbstractSyntaxTree ast, Optional<CelAbstractSyntaxTree> message,
            boolean transition) {
    }

    /** A schema node with rules, and the type CEL gives it (empty: hidden from CEL). */
    private record Located(String path, JSONSchemaProps node, Optional<CelType> selfType) {
    }

    private static final Pattern FIELD_PATH_STEP = Pattern.compile("\\.([a-zA-Z_][a-zA-Z0-9_]*)|\\['([^']*)'\\]");

    private final JSONSchemaProps root;
    private final List<Rule> rules = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, List<Compiled>> byPath = new LinkedHashMap<>();

    private CrdCelRules(JSONSchemaProps root) {
        this.root = root;
    }

    /** Collects every rule under the openAPIV3Schema {@code root} and compiles it; see {@link #problems()}. */
    public static CrdCelRules compile(JSONSchemaProps root) {
        SchemaCelTypes types = new SchemaCelTypes();
        List<Located> withRules = new ArrayList<>();
        collect("", root, true, types, withRules);
        // the environment is built once every struct type is known to the type provider
        Cel base = baseEnvironment(types);
        CrdCelRules result = new CrdCelRules(root);
        withRules.forEach(at -> result.compileAt(base, at));
        return result;
    }

    private static void collect(String path, JSONSchemaProps node, boolean resourceRoot, SchemaCelTypes types,
            List<Located> into) {
        if (node.getXKubernetesValidations() != null && !node.getXKubernetesValidations().isEmpty()) {
            into.add(new Located(path, node, types.typeOf(path, node, resourceRoot)));
        }
        SchemaCelTypes.properties(node).forEach((name, property) -> collect(SchemaCelTypes.child(path, name), property,
                SchemaCelTypes.isEmbedded(property), types, into));
        SchemaCelTypes.items(node).ifPresent(items ->
                collect(path + "[*]", items, SchemaCelTypes.isEmbedded(items), types, into));
        SchemaCelTypes.additionalProperties(node).ifPresent(values ->
                collect(path + "[*]", values, SchemaCelTypes.isEmbedded(values), types, into));
    }

    private static Cel baseEnvironment(SchemaCelTypes types) {
        CelOptions options = CelOptions.current().enableOptionalSyntax(true)
                .enableHeterogeneousNumericComparisons(true).build();
        return CelFactory.standardCelBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.strings(), CelExtensions.sets(options), CelExtensions.optional())
                .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.sets(options), CelExtensions.optional())
                .setTypeProvider(types)
                .build();
    }

    private void compileAt(Cel base, Located at) {
        String where = at.path().isEmpty() ? "(root)" : at.path();
        for (ValidationRule source : at.node().getXKubernetesValidations()) {
            Rule rule = new Rule(at.path(), source.getRule(), source.getMessage(),
                    Optional.ofNullable(source.getMessageExpression()), Optional.ofNullable(source.getFieldPath()));
            rules.add(rule);
            if (at.selfType().isEmpty()) {
                problems.add(where + ": rule `" + rule.rule() + "` sits on a node CEL cannot see (no type, e.g. "
                        + "x-kubernetes-preserve-unknown-fields without type: object); the API server refuses the CRD");
                continue;
            }
            rule.fieldPath().filter(fieldPath -> !resolves(at.node(), fieldPath)).ifPresent(fieldPath ->
                    problems.add(where + ": rule `" + rule.rule() + "` has fieldPath " + fieldPath
                            + ", which is not a field of the schema there"));
            Cel cel = base.toCelBuilder().addVar("self", at.selfType().get()).addVar("oldSelf", at.selfType().get())
                    .build();
            Optional<CelAbstractSyntaxTree> ast = compileExpression(where, "rule", rule.rule(), cel, SimpleType.BOOL);
            Optional<CelAbstractSyntaxTree> message = rule.messageExpression().flatMap(expression ->
                    compileExpression(where, "messageExpression", expression, cel, SimpleType.STRING));
            boolean messageCompiles = rule.messageExpression().isEmpty() || message.isPresent();
            if (ast.isPresent() && messageCompiles) {
                byPath.computeIfAbsent(at.path(), p -> new ArrayList<>())
                        .add(new Compiled(rule, cel, ast.get(), message, mentionsOldSelf(ast.get())));
            }
        }
    }

    /** The checked expression, or empty after adding the compiler's message to the problems. */
    private Optional<CelAbstractSyntaxTree> compileExpression(String where, String what, String expression, Cel cel,
            CelType result) {
        try {
            CelAbstractSyntaxTree ast = cel.compile(expression).getAst();
            // the literal checks the API server runs after type checking (since Kubernetes 1.29)
            CelValidationResult literals = CelValidatorFactory.standardCelValidatorBuilder(cel)
                    .addAstValidators(DurationLiteralValidator.INSTANCE, TimestampLiteralValidator.INSTANCE,
                            RegexLiteralValidator.INSTANCE, HomogeneousLiteralValidator.newInstance())
                    .build().validate(ast);
            if (literals.hasError()) {
                problems.add(where + ": " + what + " `" + expression + "` is refused: " + literals.getErrorString());
            } else if (!ast.getResultType().equals(result)) {
                problems.add(where + ": " + what + " `" + expression + "` gives " + ast.getResultType().name()
                        + ", not " + result.name());
            } else {
                return Optional.of(ast);
            }
        } catch (CelValidationException e) {
            problems.add(where + ": " + what + " `" + expression + "` does not compile: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Transition rules compare with the stored object; on create the API server skips them. */
    private static boolean mentionsOldSelf(CelAbstractSyntaxTree ast) {
        return CelNavigableAst.fromAst(ast).getRoot().allNodes()
                .anyMatch(node -> node.expr().identOrDefault().name().equals("oldSelf"));
    }

    /** Whether a rule's fieldPath ({@code .a.b} or {@code ['a']}) names a declared field below {@code node}. */
    private static boolean resolves(JSONSchemaProps node, String fieldPath) {
        Matcher step = FIELD_PATH_STEP.matcher(fieldPath);
        JSONSchemaProps at = node;
        int end = 0;
        while (step.find() && step.start() == end) {
            String name = step.group(1) != null ? step.group(1) : step.group(2);
            Optional<JSONSchemaProps> values = SchemaCelTypes.additionalProperties(at);
            at = values.isPresent() ? values.get() : SchemaCelTypes.properties(at).get(name);
            if (at == null) {
                return false;
            }
            end = step.end();
        }
        return end > 0 && end == fieldPath.length();
    }

    /** Every rule of the schema, in schema order. */
    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** Why the API server would refuse to install the CRD, one entry per problem: path, rule and the reason. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Applies the rules to a whole resource (apiVersion, kind, metadata, spec...) as the API server does on
     * create: each rule runs once for every value present at its path, transition rules do not run.
     *
     * @throws IllegalStateException when a rule did not compile (see {@link #problems()})
     */
    public Outcome check(JsonNode resource) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the CRD's rules do not compile: " + problems);
        }
        List<Rule> evaluated = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        visit("", "", root, resource, true, evaluated, violations);
        return new Outcome(List.copyOf(evaluated), List.copyOf(violations));
    }

    /**
     * Applies the rules to an update of {@code oldResource} to {@code newResource} as the API server does: every rule
     * on the new object, and the transition rules (those naming {@code oldSelf}) wherever a value sits at the rule's
     * path in both objects. Covers properties, the nodes these CRDs' transition rules sit on; not list items or map
     * values.
     */
    public Outcome checkUpdate(JsonNode oldResource, JsonNode newResource) {
        Outcome onNew = check(newResource);
        List<Rule> evaluated = new ArrayList<>(onNew.evaluated());
        List<Violation> violations = new ArrayList<>(onNew.violations());
        visitTransitions("", "", root, oldResource, newResource, true, evaluated, violations);
        return new Outcome(List.copyOf(evaluated), List.copyOf(violations));
    }

    private void visitTransitions(String schemaPath, String valuePath, JSONSchemaProps node, JsonNode oldValue,
            JsonNode value, boolean resourceRoot, List<Rule> evaluated, List<Violation> violations) {
        Optional<Object> self = SchemaCelTypes.valueOf(valuePath, node, value, resourceRoot);
        Optional<Object> oldSelf = SchemaCelTypes.valueOf(valuePath, node, oldValue, resourceRoot);
        if (self.isEmpty() || oldSelf.isEmpty()) {
            return;
        }
        for (Compiled compiled : byPath.getOrDefault(schemaPath, List.of())) {
            if (compiled.transition()) {
                evaluated.add(compiled.rule());
                evaluate(compiled, valuePath, Map.of("self", self.get(), "oldSelf", oldSelf.get()))
                        .ifPresent(violations::add);
            }
        }
        SchemaCelTypes.properties(node).forEach((name, property) -> visitTransitions(SchemaCelTypes.child(schemaPath, name),
                SchemaCelTypes.child(valuePath, name), property, oldValue.path(name), value.path(name),
                SchemaCelTypes.isEmbedded(property), evaluated, violations));
    }

    private void visit(String schemaPath, String valuePath, JSONSchemaProps node, JsonNode value, boolean resourceRoot,
            List<Rule> evaluated, List<Violation> violations) {
        Optional<Object> self = SchemaCelTypes.valueOf(valuePath, node, value, resourceRoot);
        if (self.isEmpty()) {
            return;
        }
        for (Compiled compiled : byPath.getOrDefault(schemaPath, List.of())) {
            if (!compiled.transition()) {
                evaluated.add(compiled.rule());
                evaluate(compiled, valuePath, Map.of("self", self.get())).ifPresent(violations::add);
            }
        }
        SchemaCelTypes.properties(node).forEach((name, property) -> visit(SchemaCelTypes.child(schemaPath, name),
                SchemaCelTypes.child(valuePath, name), property, value.path(name), SchemaCelTypes.isEmbedded(property),
                evaluated, violations));
        SchemaCelTypes.items(node).filter(items -> value.isArray()).ifPresent(items -> {
            for (int i = 0; i < value.size(); i++) {
                visit(schemaPath + "[*]", valuePath + "[" + i + "]", items, value.get(i),
                        SchemaCelTypes.isEmbedded(items), evaluated, violations);
            }
        });
        SchemaCelTypes.additionalProperties(node).filter(values -> value.isObject()).ifPresent(values ->
                value.properties().forEach(entry -> visit(schemaPath + "[*]", valuePath + "[" + entry.getKey() + "]",
                        values, entry.getValue(), SchemaCelTypes.isEmbedded(values), evaluated, violations)));
    }

    /** The violation when the rule is false or fails to evaluate (the API server refuses both). */
    private static Optional<Violation> evaluate(Compiled compiled, String valuePath, Map<String, Object> vars) {
        Rule rule = compiled.rule();
        String field = valuePath + rule.fieldPath().orElse("");
        try {
            if (Boolean.TRUE.equals(compiled.cel().createProgram(compiled.ast()).eval(vars))) {
                return Optional.empty();
            }
            return Optional.of(new Violation(rule, field, message(compiled, vars)));
        } catch (CelEvaluationException e) {
            return Optional.of(new Violation(rule, field, "rule evaluation failed: " + e.getMessage()));
        }
    }

    /** The messageExpression's result, else the message, else the API server's default naming the rule. */
    private static String message(Compiled compiled, Map<String, Object> vars) {
        Rule rule = compiled.rule();
        String fallback = rule.message() != null ? rule.message() : "failed rule: " + rule.rule();
        if (compiled.message().isEmpty()) {
            return fallback;
        }
        try {
            Object message = compiled.cel().createProgram(compiled.message().get()).eval(vars);
            return message instanceof String text && !text.isBlank() ? text : fallback;
        } catch (CelEvaluationException e) {
            return fallback;
        }
    }
}

package io.neonops.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.neonops.controlplane.cluster.ClusterSpecParser;
import io.neonops.controlplane.cluster.FieldError;
import io.neonops.controlplane.cluster.InvalidClusterSpecException;
import io.neonops.controlplane.cluster.StorageBrokerSpec;
import io.neonops.operator.cluster.CrdCelRules.Rule;
import io.neonops.operator.cluster.CrdCelRules.Violation;
import io.neonops.operator.testing.OperatorHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checked-in CRD's CEL rules, compiled and run the way the API server runs them, against NeonCluster
 * manifests; and the operator's own parser, which must refuse the same manifests at the same fields.
 */
class NeonClusterCelRulesTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "neoncluster-cel");
    private static final List<Path> EXAMPLES = List.of(Path.of("..", "examples", "neoncluster.yaml"),
            Path.of("..", "examples", "neoncluster-etcd.yaml"));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final String MANAGED_KEYS_MESSAGE = "config must not set keys the operator manages: id,"
            + " listen_pg_addr, listen_http_addr, broker_endpoints, pg_distrib_dir, remote_storage, auth_type,"
            + " auth_validation_public_key_path, control_plane_api, control_plane_api_token,"
            + " control_plane_emergency_mode, broker_endpoint, availability_zone, http_auth_type, pg_auth_type";

    /** A value of the type pageserver.toml gives each key the operator manages. */
    private static final Map<String, String> MANAGED_KEY_VALUES = Map.ofEntries(
            Map.entry("id", "1"),
            Map.entry("listen_pg_addr", "0.0.0.0:6400"),
            Map.entry("listen_http_addr", "0.0.0.0:9898"),
            Map.entry("broker_endpoints", "[\"http://etcd:2379\"]"),
            Map.entry("pg_distrib_dir", "/usr/local"),
            Map.entry("remote_storage", "{bucket_name: layers, bucket_region: eu-central-1}"),
            Map.entry("auth_type", "NeonJWT"),
            Map.entry("auth_validation_public_key_path", "/etc/neon/auth/public-key.pem"),
            Map.entry("control_plane_api", "http://storcon:1234/upcall/v1/"),
            Map.entry("control_plane_api_token", "eyJhbGciOiJFZERTQSJ9.e30.c2ln"),
            Map.entry("control_plane_emergency_mode", "true"),
            Map.entry("broker_endpoint", "http://storage-broker:50051"),
            Map.entry("availability_zone", "zone-a"),
            Map.entry("http_auth_type", "NeonJWT"),
            Map.entry("pg_auth_type", "NeonJWT"));

    /** A manifest that exactly one rule refuses: the rule's path, the field the API server names, its message. */
    record Refusal(String fixture, String rulePath, String field, String message) {

        @Override
        public String toString() {
            return fixture;
        }
    }

    static CrdCelRules rules;

    @BeforeAll
    static void compileTheCrdRules() throws IOException {
        try (InputStream in = Files.newInputStream(OperatorHarness.CRD)) {
            CustomResourceDefinition crd = new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
            rules = CrdCelRules.compile(crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema());
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("etcd-replicas-even.yaml", "spec.etcd.replicas", "spec.etcd.replicas",
                        "etcd replicas must be odd (1, 3, 5 or 7) to keep a quorum"),
                new Refusal("postgres-version-unsupported.yaml", "spec.postgres.versions", "spec.postgres.versions",
                        "each version must be 14, 15, 16 or 17"),
                new Refusal("postgres-versions-duplicate.yaml", "spec.postgres.versions", "spec.postgres.versions",
                        "versions must be unique"),
                new Refusal("postgres-default-not-in-versions.yaml", "spec.postgres", "spec.postgres.defaultVersion",
                        "defaultVersion must be one of versions"),
                new Refusal("pageserver-config-managed-key.yaml", "spec.pageserver.config", "spec.pageserver.config",
                        MANAGED_KEYS_MESSAGE),
                new Refusal("auth-enabled-without-secret.yaml", "spec.auth", "spec.auth.publicKeySecret",
                        "publicKeySecret is required when auth is enabled"),
                new Refusal("two-brokers.yaml", "spec", "spec.storageBroker",
                        "choose exactly one broker: etcd (2022 releases) or storageBroker, not both"),
                new Refusal("storage-controller-with-etcd.yaml", "spec", "spec.storageController",
                        "storageController needs storageBroker: the etcd broker's releases predate the storage"
                                + " controller"),
                new Refusal("storage-broker-without-storage-controller.yaml", "spec", "spec.storageController",
                        "storageController is required with storageBroker: current pageservers do not start without it"),
                new Refusal("storage-broker-replicas.yaml", "spec.storageBroker.replicas", "spec.storageBroker.replicas",
                        "storageBroker replicas must be 1: " + StorageBrokerSpec.ONE_BROKER),
                new Refusal("storage-broker-without-remote-storage.yaml", "spec", "spec.remoteStorage",
                        "remoteStorage is required with storageBroker: current pageservers do not start without it"),
                new Refusal("etcd-with-postgres-16.yaml", "spec", "spec.postgres.versions",
                        "Postgres 16 and 17 need storageBroker: images with the etcd broker serve 14 and 15 only"),
                new Refusal("auth-without-storage-controller-tokens.yaml", "spec",
                        "spec.auth.storageControllerSecret", "storageControllerSecret is required when auth is enabled"
                                + " with a storageController: without --dev the storage controller does not start"
                                + " without its tokens"),
                new Refusal("database-managed-and-external.yaml", "spec.storageController.database",
                        "spec.storageController.database.external", "set either managed or external, not both"));
    }

    @Test
    void everyRuleCompilesAgainstTheSchemaTypesAsTheApiServerCompilesIt() {
        assertThat(rules.problems()).isEmpty();
        assertThat(rules.rules()).isNotEmpty();
    }

    @Test
    void everyRuleHasAMessage() {
        assertThat(rules.rules()).allSatisfy(rule -> assertThat(rule.message()).as(rule.toString()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid/minimal.yaml", "valid/full.yaml", "valid/full-modern.yaml"})
    void validManifestPassesEveryRuleAndTheParser(String fixture) {
        assertValidForBoth(read(FIXTURES.resolve(fixture)));
    }

    @Test
    void theShippedExamplePassesEveryRuleAndTheParser() {
        EXAMPLES.forEach(example -> assertValidForBoth(read(example)));
    }

    /** One manifest cannot choose both brokers, so the 2022 and the modern full manifest share the rules. */
    @Test
    void theFullManifestsGiveEveryRuleAValueToCheck() {
        List<Rule> evaluated = Stream.of("valid/full.yaml", "valid/full-modern.yaml")
                .flatMap(fixture -> rules.check(read(FIXTURES.resolve(fixture))).evaluated().stream()).toList();

        assertThat(evaluated).containsAll(rules.rules());
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void invalidManifestIsRefusedByExactlyTheIntendedRuleWithItsMessage(Refusal refusal) {
        List<Violation> violations = rules.check(invalid(refusal)).violations();

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.rule().path()).isEqualTo(refusal.rulePath());
            assertThat(violation.field()).isEqualTo(refusal.field());
            assertThat(violation.message()).isEqualTo(refusal.message());
        });
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void theOperatorsParserRefusesEachInvalidManifestAtTheSameField(Refusal refusal) {
        List<FieldError> errors = parserErrors(invalid(refusal));

        assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(isAtOrBelow(error.path(), refusal.field()))
                .as("parser error %s is at or below %s", error, refusal.field()).isTrue());
    }

    @Test
    void everyRuleRefusesOneOfTheInvalidManifests() {
        List<Rule> refusing = refusals()
                .flatMap(refusal -> rules.check(invalid(refusal)).violations().stream())
                .map(Violation::rule).toList();

        assertThat(refusing).containsExactlyInAnyOrderElementsOf(rules.rules());
    }

    @ParameterizedTest
    @MethodSource("managedPageserverKeys")
    void everyKeyTheOperatorManagesIsRefusedInPageserverConfigByTheRuleAndTheParser(String key) {
        JsonNode manifest = read(FIXTURES.resolve("valid/minimal.yaml"));
        ObjectNode config = ((ObjectNode) manifest.path("spec")).putObject("pageserver").putObject("config");
        config.set(key, yaml(MANAGED_KEY_VALUES.get(key)));

        assertThat(rules.check(manifest).violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("spec.pageserver.config");
            assertThat(violation.message()).isEqualTo(MANAGED_KEYS_MESSAGE);
        });
        assertThat(parserErrors(manifest)).extracting(FieldError::path)
                .containsExactly("spec.pageserver.config." + key);
    }

    static Stream<String> managedPageserverKeys() {
        assertThat(MANAGED_KEY_VALUES).containsOnlyKeys(ClusterSpecParser.MANAGED_PAGESERVER_KEYS);
        return ClusterSpecParser.MANAGED_PAGESERVER_KEYS.stream().sorted();
    }

    private static void assertValidForBoth(JsonNode manifest) {
        assertThat(rules.check(manifest).violations()).isEmpty();
        assertThat(parserErrors(manifest)).isEmpty();
    }

    /** The parser's refusals of the manifest's spec; empty when it accepts it. */
    private static List<FieldError> parserErrors(JsonNode manifest) {
        String name = manifest.path("metadata").path("name").asText();
        InvalidClusterSpecException refused = catchThrowableOfType(InvalidClusterSpecException.class,
                () -> ClusterSpecParser.parse(name, "ns", manifest.path("spec")));
        return refused == null ? List.of() : refused.errors();
    }

    /**
     * {@code spec.postgres.versions[1]} is below {@code spec.postgres.versions}; {@code spec.etcdx} is not below
     * {@code spec.etcd}.
     */
    private static boolean isAtOrBelow(String path, String field) {
        return path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "[");
    }

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode invalid(Refusal refusal) {
        return read(FIXTURES.resolve("invalid").resolve(refusal.fixture()));
    }

    private static JsonNode read(Path manifest) {
        try {
            return YAML.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + manifest, e);
        }
    }
}

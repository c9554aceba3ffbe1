package io.neonops.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.neonops.operator.cluster.CrdCelRules;
import io.neonops.operator.cluster.CrdCelRules.Violation;
import io.neonops.operator.testing.OperatorHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checked-in NeonTenant and NeonTimeline CRDs' CEL rules, compiled and run as the API server runs them: on create,
 * and on updates, where the transition rules refuse changing what Neon fixes at creation.
 */
class TenancyCelRulesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String ID = "1f359dd625e519a1a4e8d7509690f6fc";

    static CrdCelRules tenantRules;
    static CrdCelRules timelineRules;

    @BeforeAll
    static void compileTheCrdRules() {
        tenantRules = compile(OperatorHarness.TENANT_CRD);
        timelineRules = compile(OperatorHarness.TIMELINE_CRD);
    }

    private static CrdCelRules compile(Path crdFile) {
        try (InputStream in = Files.newInputStream(crdFile)) {
            CustomResourceDefinition crd = new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
            return CrdCelRules.compile(crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resource(String kind, String... specLines) {
        StringBuilder yaml = new StringBuilder("apiVersion: neonops.io/v1alpha1\nkind: " + kind
                + "\nmetadata: {name: x, namespace: ns}\nspec:\n");
        for (String line : specLines) {
            yaml.append("  ").append(line).append('\n');
        }
        try {
            return YAML.readTree(yaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode timeline(String... specLines) {
        return resource("NeonTimeline", specLines);
    }

    private static JsonNode tenant(String... specLines) {
        return resource("NeonTenant", specLines);
    }

    private static List<String> refusedFields(CrdCelRules rules, JsonNode before, JsonNode after) {
        return rules.checkUpdate(before, after).violations().stream().map(Violation::field).toList();
    }

    @Test
    void everyRuleCompilesAndHasAMessage() {
        assertThat(tenantRules.problems()).isEmpty();
        assertThat(timelineRules.problems()).isEmpty();
        assertThat(tenantRules.rules()).isNotEmpty().allSatisfy(r -> assertThat(r.message()).isNotBlank());
        assertThat(timelineRules.rules()).isNotEmpty().allSatisfy(r -> assertThat(r.message()).isNotBlank());
    }

    @Test
    void aTimelinesParentBranchPointAndMajorCannotChangeAppearOrDisappear() {
        JsonNode branch = timeline("tenant: db", "parent: main", "branchPoint: {lsn: 0/16B5A50}");

        assertThat(refusedFields(timelineRules, branch, timeline("tenant: db", "parent: other",
                "branchPoint: {lsn: 0/16B5A50}"))).containsExactly("spec.parent");
        assertThat(refusedFields(timelineRules, branch, timeline("tenant: db", "parent: main",
                "branchPoint: {lsn: 0/16B5A51}"))).containsExactly("spec.branchPoint");
        assertThat(refusedFields(timelineRules, branch, timeline("tenant: db", "parent: main",
                "branchPoint: {timestamp: \"2026-11-30T09:00:00Z\"}"))).containsExactly("spec.branchPoint");
        assertThat(refusedFields(timelineRules, branch, timeline("tenant: db", "parent: main")))
                .containsExactly("spec.branchPoint");
        assertThat(refusedFields(timelineRules, timeline("tenant: db", "pgVersion: 16"), timeline("tenant: db",
                "pgVersion: 17"))).containsExactly("spec.pgVersion");
        assertThat(refusedFields(timelineRules, timeline("tenant: db"), timeline("tenant: db", "pgVersion: 17")))
                .containsExactly("spec.pgVersion");
        assertThat(refusedFields(timelineRules, timeline("tenant: db"), timeline("tenant: other")))
                .containsExactly("spec.tenant");
        assertThat(refusedFields(timelineRules, timeline("tenant: db"), timeline("tenant: db", "parent: main")))
                .containsExactly("spec.parent");
    }

    @Test
    void anIdMayBePinnedLaterButNeverChangedOrRemoved() {
        assertThat(refusedFields(timelineRules, timeline("tenant: db"), timeline("tenant: db", "timelineId: " + ID)))
                .isEmpty();
        assertThat(refusedFields(timelineRules, timeline("tenant: db", "timelineId: " + ID), timeline("tenant: db")))
                .containsExactly("spec.timelineId");
        assertThat(refusedFields(tenantRules, tenant("cluster: demo"), tenant("cluster: demo", "tenantId: " + ID)))
                .isEmpty();
        assertThat(refusedFields(tenantRules, tenant("cluster: demo", "tenantId: " + ID),
                tenant("cluster: demo", "tenantId: 0123456789abcdef0123456789abcdef"))).containsExactly("spec.tenantId");
    }

    @Test
    void aTenantsClusterAndShardCountAreFixedWhileItsConfigurationAndDeletionPolicyMayChange() {
        JsonNode before = tenant("cluster: demo", "shardCount: 4", "config: {gcPeriod: 1h}");

        assertThat(refusedFields(tenantRules, before, tenant("cluster: other", "shardCount: 4", "config: {gcPeriod: 1h}")))
                .containsExactly("spec.cluster");
        assertThat(refusedFields(tenantRules, before, tenant("cluster: demo", "shardCount: 8", "config: {gcPeriod: 1h}")))
                .containsExactly("spec.shardCount");
        assertThat(refusedFields(tenantRules, before, tenant("cluster: demo", "shardCount: 4", "config: {gcPeriod: 2h}",
                "deletionPolicy: Delete", "secondaries: 1"))).isEmpty();
    }

    @Test
    void onCreateABranchPointNeedsAParentExactlyOnePointAndABranchNoMajorOfItsOwn() {
        assertThat(timelineRules.check(timeline("tenant: db", "branchPoint: {lsn: 0/1}")).violations())
                .extracting(Violation::field).containsExactly("spec.branchPoint");
        assertThat(timelineRules.check(timeline("tenant: db", "parent: main",
                "branchPoint: {lsn: 0/1, timestamp: \"2026-11-30T09:00:00Z\"}")).violations())
                .extracting(Violation::message).containsExactly("set exactly one of lsn and timestamp");
        assertThat(timelineRules.check(timeline("tenant: db", "parent: main", "pgVersion: 16")).violations())
                .extracting(Violation::field).containsExactly("spec.pgVersion");
        assertThat(timelineRules.check(timeline("tenant: db", "parent: main",
                "branchPoint: {timestamp: \"2026-11-30T09:00:00Z\"}")).violations()).isEmpty();
    }

    @Test
    void theShippedExamplesPassEveryRule() throws IOException {
        for (Path example : List.of(Path.of("..", "examples", "neontenant.yaml"),
                Path.of("..", "examples", "neontimeline-branch.yaml"))) {
            for (JsonNode document : YAML.readValues(YAML.createParser(example.toFile()), JsonNode.class).readAll()) {
                CrdCelRules rules = "NeonTenant".equals(document.path("kind").asText()) ? tenantRules : timelineRules;
                assertThat(rules.check(document).violations()).as(document.toString()).isEmpty();
            }
        }
    }
}

package io.neonops.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.neonops.controlplane.cluster.ClusterSpecParser;
import io.neonops.controlplane.cluster.ObjectNames;
import io.neonops.operator.testing.OperatorHarness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checked-in CRD (which the build keeps equal to the generated one) says what the issue asks of it. */
class NeonClusterCrdTest {

    static CustomResourceDefinitionVersion version;
    static CustomResourceDefinition crd;

    @BeforeAll
    static void readCrd() throws IOException {
        try (InputStream in = Files.newInputStream(OperatorHarness.CRD)) {
            crd = new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
        }
        version = crd.getSpec().getVersions().get(0);
    }

    private static JSONSchemaProps spec(String... path) {
        JSONSchemaProps node = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
        for (String field : path) {
            node = node.getProperties().get(field);
        }
        return node;
    }

    @Test
    void isTheNamespacedNeonClusterWithShortNameAndStatusSubresource() {
        assertThat(crd.getMetadata().getName()).isEqualTo("neonclusters.neonops.io");
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("nc");
        assertThat(version.getName()).isEqualTo("v1alpha1");
        assertThat(version.getSubresources().getStatus()).isNotNull();
    }

    @Test
    void printsReadyCountsVersionsPhaseTheRollsStepAndAgeInThatOrder() {
        assertThat(version.getAdditionalPrinterColumns()).extracting(c -> c.getName())
                .containsExactly("Ready", "Pageservers", "Safekeepers", "PG", "Phase", "Step", "Age");
        assertThat(version.getAdditionalPrinterColumns()).filteredOn(c -> c.getName().equals("Step"))
                .extracting(c -> c.getJsonPath()).containsExactly(".status.upgrade.step");
    }

    @Test
    void drainAndFillTimeoutsAreAtLeastTenSeconds() {
        assertThat(spec("upgrade", "drainTimeoutSeconds").getMinimum()).isEqualTo(10.0);
        assertThat(spec("upgrade", "fillTimeoutSeconds").getMinimum()).isEqualTo(10.0);
    }

    @Test
    void apiServerRefusesWhatTheSchemaCanTell() {
        assertThat(spec().getRequired()).containsExactly("image");
        assertThat(spec("etcd", "replicas").getXKubernetesValidations()).extracting(ValidationRule::getRule)
                .containsExactly("self % 2 == 1");
        assertThat(spec("safekeepers", "replicas").getMinimum()).isEqualTo(3.0);
        assertThat(spec("postgres", "defaultVersion").getMinimum()).isEqualTo(14.0);
        assertThat(spec("postgres", "defaultVersion").getMaximum()).isEqualTo(17.0);
        assertThat(spec("postgres").getXKubernetesValidations()).extracting(ValidationRule::getRule)
                .anySatisfy(rule -> assertThat(rule).contains("self.defaultVersion in self.versions"));
        assertThat(spec("deletionPolicy").getEnum()).extracting(e -> e.asText()).containsExactlyInAnyOrder("Retain", "Delete");
        assertThat(spec("imagePullPolicy").getEnum()).hasSize(3);
    }

    @Test
    void secretNamesAreCheckedByTheApiServerAsTheParserChecksThem() {
        for (JSONSchemaProps secret : List.of(spec("auth", "publicKeySecret"), spec("auth", "apiTokenSecret"),
                spec("remoteStorage", "credentialsSecret"))) {
            assertThat(secret.getPattern()).isEqualTo(ObjectNames.PATTERN);
            assertThat(secret.getMaxLength()).isEqualTo(ObjectNames.MAX_LENGTH);
        }
    }

    @Test
    void pageserverConfigRuleRefusesEveryKeyTheParserRefuses() {
        assertThat(ClusterSpecParser.MANAGED_PAGESERVER_KEYS)
                .allSatisfy(key -> assertThat(PageserverSpec.NO_MANAGED_CONFIG_KEYS).contains("!has(self." + key + ")"));
        assertThat(spec("pageserver", "config").getXKubernetesValidations()).extracting(ValidationRule::getRule)
                .containsExactly(PageserverSpec.NO_MANAGED_CONFIG_KEYS);
    }

    @Test
    void specHasNoDefaultsSoNothingIsWrittenIntoIt() {
        assertThat(new KubernetesSerialization().asJson(version.getSchema())).doesNotContain("\"default\"");
    }

    @Test
    void theSafekeeperCatchUpTimeoutIsAtLeastTenSeconds() {
        assertThat(spec("upgrade", "safekeeperCatchUpTimeoutSeconds").getMinimum()).isEqualTo(10.0);
    }
}

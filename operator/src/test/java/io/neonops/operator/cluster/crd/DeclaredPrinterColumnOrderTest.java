package io.neonops.operator.cluster.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.model.annotation.Kind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclaredPrinterColumnOrderTest {

    @AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.ready")
    @AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp")
    static final class Declared {
    }

    @Kind("Other")
    @AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp")
    @AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.ready")
    static final class OtherKind {
    }

    private static CustomResourceColumnDefinition column(String name) {
        return new CustomResourceColumnDefinitionBuilder().withName(name).withJsonPath("." + name).build();
    }

    /** A CRD of two versions with the columns as the generator leaves them: sorted by JSON path. */
    private static CustomResourceDefinition generated(String... columns) {
        return generatedFor("Declared", columns);
    }

    private static CustomResourceDefinition generatedFor(String kind, String... columns) {
        return new CustomResourceDefinitionBuilder()
                .withNewSpec()
                .withNewNames().withKind(kind).endNames()
                .addNewVersion().withName("v1").withAdditionalPrinterColumns(Arrays.stream(columns).map(DeclaredPrinterColumnOrderTest::column).toList()).endVersion()
                .addNewVersion().withName("v2").withAdditionalPrinterColumns(Arrays.stream(columns).map(DeclaredPrinterColumnOrderTest::column).toList()).endVersion()
                .endSpec().build();
    }

    private static List<String> names(CustomResourceDefinition crd, int version) {
        return crd.getSpec().getVersions().get(version).getAdditionalPrinterColumns().stream()
                .map(CustomResourceColumnDefinition::getName).toList();
    }

    @Test
    void putsTheColumnsOfEveryVersionInTheOrderTheClassDeclaresThem() {
        CustomResourceDefinition crd = generated("Age", "Ready");

        new DeclaredPrinterColumnOrder(Declared.class).process(crd, "v1");

        assertThat(names(crd, 0)).containsExactly("Ready", "Age");
        assertThat(names(crd, 1)).containsExactly("Ready", "Age");
    }

    @Test
    void keepsColumnsTheClassDoesNotDeclareAfterTheDeclaredOnesInTheirOrder() {
        CustomResourceDefinition crd = generated("Age", "Field", "Other", "Ready");

        new DeclaredPrinterColumnOrder(Declared.class).process(crd, "v1");

        assertThat(names(crd, 0)).containsExactly("Ready", "Age", "Field", "Other");
    }

    @Test
    void leavesAVersionWithoutColumnsAlone() {
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
                .withNewSpec().withNewNames().withKind("Declared").endNames()
                .addNewVersion().withName("v1").endVersion().endSpec().build();

        new DeclaredPrinterColumnOrder(Declared.class).process(crd, "v1");

        assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns()).isNullOrEmpty();
    }

    @Test
    void ordersEachCrdByTheClassOfItsKind() {
        CustomResourceDefinition declared = generatedFor("Declared", "Age", "Ready");
        CustomResourceDefinition other = generatedFor("Other", "Ready", "Age");
        DeclaredPrinterColumnOrder order = new DeclaredPrinterColumnOrder(List.of(Declared.class, OtherKind.class));

        order.process(declared, "v1");
        order.process(other, "v1");

        assertThat(names(declared, 0)).containsExactly("Ready", "Age");
        assertThat(names(other, 0)).containsExactly("Age", "Ready");
    }
}

package io.neonops.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiFormTest {

    private static PodSpec podWithMemory(String memory) {
        return new PodSpecBuilder().addNewContainer().withName("c").withNewResources()
                .withRequests(Map.of("memory", new Quantity(memory), "cpu", new Quantity("500m"))).endResources()
                .endContainer().build();
    }

    @Test
    void dropsAFalseTheServerWouldDrop() {
        Service service = new ServiceBuilder().withNewMetadata().withName("s").endMetadata()
                .withNewSpec().withClusterIP("None").withPublishNotReadyAddresses(false).endSpec().build();

        Service sent = ApiForm.withoutDroppedZeros(service);

        assertThat(sent.getSpec().getPublishNotReadyAddresses()).isNull();
        assertThat(sent.getSpec().getClusterIP()).isEqualTo("None");
    }

    @Test
    void keepsTheZeroOfAPointerFieldWhoseAbsenceMeansSomethingElse() {
        PodSpec spec = new PodSpecBuilder().withAutomountServiceAccountToken(false).withEnableServiceLinks(false)
                .withNewSecurityContext().withRunAsUser(0L).endSecurityContext().build();
        PodDisruptionBudget budget = new PodDisruptionBudgetBuilder().withNewMetadata().withName("b").endMetadata()
                .withNewSpec().withMaxUnavailable(new IntOrString(0)).endSpec().build();

        PodSpec sent = ApiForm.withoutDroppedZeros(spec);

        assertThat(sent.getAutomountServiceAccountToken()).isFalse();
        assertThat(sent.getEnableServiceLinks()).isFalse();
        assertThat(sent.getSecurityContext().getRunAsUser()).isZero();
        assertThat(ApiForm.withoutDroppedZeros(budget).getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(0));
    }

    @Test
    void keepsEmptyValuesInMapsWhichAreDataNotFields() {
        ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName("m").addToLabels("flag", "").endMetadata()
                .withData(Map.of("empty.conf", "")).build();

        ConfigMap sent = ApiForm.withoutDroppedZeros(map);

        assertThat(sent.getData()).containsEntry("empty.conf", "");
        assertThat(sent.getMetadata().getLabels()).containsEntry("flag", "");
    }

    @Test
    void canonicalFormComparesQuantitiesByValue() {
        assertThat(ApiForm.canonical(podWithMemory("1024Mi"))).isEqualTo(ApiForm.canonical(podWithMemory("1Gi")));
        assertThat(ApiForm.canonical(podWithMemory("1G"))).isNotEqualTo(ApiForm.canonical(podWithMemory("1Gi")));
        assertThat(ApiForm.quantityValue(new Quantity("500m"))).isEqualTo(ApiForm.quantityValue(new Quantity("0.5")));
    }

    @Test
    void canonicalFormIgnoresTheOrderOfMapEntries() {
        ConfigMap one = new ConfigMapBuilder().withNewMetadata().withName("m").endMetadata()
                .addToData("a", "1").addToData("b", "2").build();
        ConfigMap other = new ConfigMapBuilder().withNewMetadata().withName("m").endMetadata()
                .addToData("b", "2").addToData("a", "1").build();

        assertThat(ApiForm.canonical(one).toString()).isEqualTo(ApiForm.canonical(other).toString());
    }
}

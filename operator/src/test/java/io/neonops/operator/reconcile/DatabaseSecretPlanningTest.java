package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.SpecFixtures.MODERN;
import static io.neonops.operator.testing.SpecFixtures.OWNER;
import static io.neonops.operator.testing.SpecFixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.neonops.operator.resources.ClusterResources;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSecretPlanningTest {

    private static final ClusterResources DESIRED = resources(MODERN);

    private static Secret desiredSecret() {
        return DESIRED.secrets().get(0);
    }

    private static Secret stored(Map<String, String> labels) {
        return new SecretBuilder(desiredSecret()).editMetadata().withLabels(labels).endMetadata()
                .withData(Map.of("password", "b2xk", "DATABASE_URL", "dXJs")).build();
    }

    private static List<Change> planWith(Secret secret) {
        List<HasMetadata> stored = new ArrayList<>(DESIRED.all());
        stored.removeIf(o -> o instanceof Secret);
        if (secret != null) {
            stored.add(secret);
        }
        return ChangePlanner.plan(DESIRED, ObservedCluster.of(stored), OWNER);
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    @Test
    void theDesiredSecretHasNoDataAndStaysWithTheVolumeUnderRetain() {
        assertThat(desiredSecret().getData()).isNullOrEmpty();
        assertThat(desiredSecret().getType()).isEqualTo("Opaque");
        assertThat(desiredSecret().getMetadata().getOwnerReferences()).isEmpty();
        assertThat(resources(MODERN + "deletionPolicy: Delete\n").secrets().get(0).getMetadata().getOwnerReferences())
                .hasSize(1);
    }

    @Test
    void aMissingSecretIsCreatedWithAFreshPasswordAndTheUrlThatCarriesIt() {
        List<Change> changes = planWith(null);

        assertThat(changes).singleElement().isInstanceOf(Change.Create.class);
        Secret created = (Secret) ((Change.Create) changes.get(0)).desired();
        String password = decoded(created, "password");
        assertThat(password).matches("[0-9a-f]{48}");
        assertThat(decoded(created, "DATABASE_URL"))
                .isEqualTo("postgresql://storage_controller:" + password + "@demo-storage-controller-db.ns.svc:5432/storage_controller");
        assertThat(decoded((Secret) ((Change.Create) planWith(null).get(0)).desired(), "password"))
                .as("each creation draws its own").isNotEqualTo(password);
    }

    @Test
    void anExistingSecretsDataIsNeverComparedNorRewritten() {
        assertThat(planWith(stored(desiredSecret().getMetadata().getLabels()))).isEmpty();

        List<Change> relabel = planWith(stored(Map.of("app.kubernetes.io/name", "other")));

        assertThat(relabel).singleElement().isInstanceOf(Change.Update.class);
        assertThat(((Secret) ((Change.Update) relabel.get(0)).desired()).getData())
                .containsExactlyInAnyOrderEntriesOf(Map.of("password", "b2xk", "DATABASE_URL", "dXJs"));
    }
}

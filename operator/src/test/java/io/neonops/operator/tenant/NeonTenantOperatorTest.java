package io.neonops.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.controller.api.PlacementPolicy;
import io.neonops.controller.api.ShardParameters;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controller.api.TenantConfig;
import io.neonops.controller.api.TenantCreateRequest;
import io.neonops.controller.api.TenantDescription;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.testing.Conflicts;
import io.neonops.operator.testing.Poll;
import io.neonops.operator.testing.Started;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.api.ApiClientSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * NeonTenant reconciled by the real operator against the mock API server and the harness's fake storage controller,
 * on a modern cluster whose pods the tests mark Ready.
 */
@EnableKubernetesMockClient(crud = true)
class NeonTenantOperatorTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    private static final String GIVEN_ID = "1f359dd625e519a1a4e8d7509690f6fc";

    @RegisterExtension
    final Started started = new Started(server, client);

    private Tenancy tenancy(String namespace) {
        return Tenancy.start(started, server, client, namespace);
    }

    private static TenantDescription inNeon(Tenancy t, String id) {
        return t.operator.storageController.tenant(TenantId.of(id))
                .orElseThrow(() -> new AssertionError("tenant " + id + " is not in the storage controller"));
    }

    private static long posts(Tenancy t, String path) {
        return t.operator.storageController.calls().stream().filter(c -> c.equals("POST " + path)).count();
    }

    @Test
    void aTenantIsCreatedWithAnIdDerivedFromItsNameAndItsConfigurationAndReportsReady() {
        Tenancy t = tenancy("create").readyCluster();

        t.createTenant("db", "config: {pitrInterval: 7 days, gcPeriod: 1h, checkpointDistance: 268435456}");

        NeonTenantStatus status = t.awaitTenantReady("db");
        String derived = NeonIds.derived(NeonTenant.KIND, "create", "db");
        assertThat(status.getTenantId()).isEqualTo(derived).matches("[0-9a-f]{32}");
        assertThat(status.getState()).isEqualTo(NeonTenantReconciler.ATTACHED);
        assertThat(status.getShards()).isEqualTo(1);
        assertThat(status.getPlacement()).isEqualTo("Attached(0)");
        assertThat(status.getObservedGeneration()).isEqualTo(t.tenant("db").getMetadata().getGeneration());
        TenantDescription tenant = inNeon(t, derived);
        assertThat(tenant.policy()).isEqualTo(PlacementPolicy.attached(0));
        assertThat(tenant.config().pitrInterval()).contains("7 days");
        assertThat(tenant.config().gcPeriod()).contains("1h");
        assertThat(tenant.config().checkpointDistance()).contains(268435456L);
        assertThat(t.tenant("db").getMetadata().getFinalizers()).isNotEmpty();
        assertThat(t.operator.eventReasons("create")).containsOnlyOnce("TenantCreated");
    }

    @Test
    void withTwoPageserversTheTenantGetsASecondarySoThatARollDoesNotTakeItOffline() {
        Tenancy t = tenancy("secondary").readyCluster(Tenancy.modernCluster("pageserver: {replicas: 2}"), 2);

        t.createTenant("db");

        NeonTenantStatus status = t.awaitTenantReady("db");
        assertThat(status.getPlacement()).isEqualTo("Attached(1)");
        TenantDescription tenant = inNeon(t, status.getTenantId());
        assertThat(tenant.shards().get(0).nodeSecondary()).hasSize(1);
    }

    @Test
    void anExistingTenantWithTheGivenIdIsAdoptedNotCreatedAgainAndGetsTheSpecsConfiguration() {
        Tenancy t = tenancy("adopt").readyCluster();
        StorageControllerClient storcon = new StorageControllerClient(ApiClientSettings.of(t.operator.storageController.baseUri()));
        storcon.createTenant(TenantCreateRequest.of(TenantId.of(GIVEN_ID), ShardParameters.UNSHARDED,
                PlacementPolicy.attached(0), TenantConfig.DEFAULTS));

        t.createTenant("db", "tenantId: " + GIVEN_ID, "config: {pitrInterval: 3 days}");

        assertThat(t.awaitTenantReady("db").getTenantId()).isEqualTo(GIVEN_ID);
        assertThat(posts(t, "/v1/tenant")).as("only the test's own creation").isEqualTo(1);
        assertThat(t.operator.storageController.calls()).contains("PUT /v1/tenant/config");
        assertThat(inNeon(t, GIVEN_ID).config().pitrInterval()).contains("3 days");
        assertThat(t.operator.eventReasons("adopt")).contains("TenantAdopted", "TenantConfigUpdated")
                .doesNotContain("TenantCreated");
    }

    @Test
    void aChangedConfigurationIsPassedToTheStorageControllerAndAnUnchangedOneIsNot() {
        Tenancy t = tenancy("config").readyCluster();
        t.createTenant("db", "config: {gcPeriod: 1h}");
        String id = t.awaitTenantReady("db").getTenantId();
        assertThat(t.operator.storageController.calls()).doesNotContain("PUT /v1/tenant/config");

        Conflicts.retried(() -> client.resources(NeonTenant.class).inNamespace("config").withName("db").edit(r -> {
            r.getSpec().getConfig().setGcPeriod("2h");
            r.getSpec().getConfig().setPitrInterval("1 day");
            return r;
        }));

        Poll.until("gc_period 2h in the storage controller",
                () -> inNeon(t, id).config().gcPeriod().equals(Optional.of("2h")));
        assertThat(inNeon(t, id).config().pitrInterval()).contains("1 day");
        t.awaitTenant("db", "observed generation 2", s -> s.getObservedGeneration() == 2L);
    }

    @Test
    void underRetainDeletingTheResourceKeepsTheTenant() {
        Tenancy t = tenancy("retain").readyCluster();
        t.createTenant("db");
        String id = t.awaitTenantReady("db").getTenantId();

        client.resources(NeonTenant.class).inNamespace("retain").withName("db").delete();

        t.awaitTenantGone("db");
        assertThat(t.operator.storageController.tenant(TenantId.of(id))).isPresent();
        assertThat(t.operator.storageController.calls()).noneMatch(c -> c.startsWith("DELETE"));
    }

    @Test
    void underDeleteTheTenantsTimelinesAreDeletedChildrenFirstThenTheTenant() {
        Tenancy t = tenancy("delete").readyCluster();
        t.createTenant("db", "deletionPolicy: Delete");
        String id = t.awaitTenantReady("db").getTenantId();
        t.createTimeline("main", "db");
        String main = t.awaitTimelineReady("main").getTimelineId();
        t.createTimeline("dev", "db", "parent: main");
        String dev = t.awaitTimelineReady("dev").getTimelineId();

        client.resources(NeonTenant.class).inNamespace("delete").withName("db").delete();

        t.awaitTenantGone("db");
        assertThat(t.operator.storageController.tenant(TenantId.of(id))).isEmpty();
        List<String> deletes = t.operator.storageController.calls().stream().filter(c -> c.startsWith("DELETE")).toList();
        assertThat(deletes).containsSubsequence("DELETE /v1/tenant/" + id + "/timeline/" + dev,
                "DELETE /v1/tenant/" + id + "/timeline/" + main, "DELETE /v1/tenant/" + id);
    }

    @Test
    void anOperatorRestartedAfterCreatingTheTenantAndARestoreOfTheResourceWithoutStatusNeverMakeASecondTenant() {
        Tenancy first = tenancy("restore").readyCluster();
        first.createTenant("db");
        String id = first.awaitTenantReady("db").getTenantId();
        // the resource comes back from git: no status, no finalizer, a new uid
        Conflicts.retried(() -> client.resources(NeonTenant.class).inNamespace("restore").withName("db").edit(r -> {
            r.getMetadata().setFinalizers(List.of());
            return r;
        }));
        client.resources(NeonTenant.class).inNamespace("restore").withName("db").delete();
        first.awaitTenantGone("db");

        first.createTenant("db");

        assertThat(first.awaitTenantReady("db").getTenantId()).isEqualTo(id);
        assertThat(new StorageControllerClient(ApiClientSettings.of(first.operator.storageController.baseUri()))
                .listTenants()).extracting(TenantDescription::tenantId).containsExactly(TenantId.of(id));
    }

    @Test
    void aTenantOnAClusterThatDoesNotExistWaitsWithAConditionAndIsCreatedOnceTheClusterIsReady() {
        Tenancy t = tenancy("later");
        t.createTenant("db");

        Condition missing = t.awaitTenantReason("db", TenantCluster.CLUSTER_NOT_FOUND);
        assertThat(missing.getStatus()).isEqualTo(ClusterConditions.FALSE);
        assertThat(missing.getMessage()).isEqualTo("NeonCluster later/demo does not exist");

        t.operator.create("later", Tenancy.modernCluster());
        Condition notReady = t.awaitTenantReason("db", TenantCluster.CLUSTER_NOT_READY);
        assertThat(notReady.getMessage()).contains("not Ready");
        assertThat(t.operator.storageController.calls()).noneMatch(c -> c.startsWith("POST /v1/tenant"));

        Poll.until("every pod", () -> t.operator.podNames("later").size() == 7);
        t.operator.markAllReady("later");

        assertThat(t.awaitTenantReady("db").getTenantId()).isEqualTo(NeonIds.derived(NeonTenant.KIND, "later", "db"));
        assertThat(t.operator.eventReasons("later")).as("one Warning per new reason, not one per retry")
                .containsOnlyOnce(TenantCluster.CLUSTER_NOT_FOUND).contains("TenantCreated");
    }

    @Test
    void aTenantIdAlreadyManagedByAnotherResourceIsRefusedAndNeverTouched() {
        Tenancy t = tenancy("duplicate").readyCluster();
        t.createTenant("db", "tenantId: " + GIVEN_ID);
        t.awaitTenantReady("db");

        t.createTenant("copy", "tenantId: " + GIVEN_ID, "deletionPolicy: Delete", "config: {gcPeriod: 5h}");

        Condition refused = t.awaitTenantReason("copy", NeonTenantReconciler.TENANT_ID_IN_USE);
        assertThat(refused.getMessage()).contains("tenant " + GIVEN_ID + " is already managed by NeonTenant db");
        assertThat(inNeon(t, GIVEN_ID).config().gcPeriod()).isEmpty();
        client.resources(NeonTenant.class).inNamespace("duplicate").withName("copy").delete();
        t.awaitTenantGone("copy");
        assertThat(t.operator.storageController.tenant(TenantId.of(GIVEN_ID))).isPresent();
        assertThat(t.awaitTenantReady("db").getTenantId()).isEqualTo(GIVEN_ID);
    }

    @Test
    void aResyncOfAnUnchangedTenantWritesNothingAndAsksTheStorageControllerOnlyToRead() {
        Tenancy t = tenancy("resync").readyCluster();
        t.createTenant("db", "config: {pitrInterval: 7 days}");
        t.awaitTenantReady("db");
        t.operator.awaitReconciliations("resync", "db", 1);
        t.operator.requests.drain();
        int calls = t.operator.storageController.calls().size();

        t.operator.awaitReconciliations("resync", "db", 3);

        assertThat(t.operator.requests.writesIn("resync")).filteredOn(r -> r.contains("neontenants")).isEmpty();
        List<String> later = t.operator.storageController.calls().subList(calls, t.operator.storageController.calls().size());
        assertThat(later).isNotEmpty().allMatch(c -> c.startsWith("GET "));
    }

    @Test
    void aClusterDeletedUnderATenantShowsAConditionAndTheTenantCanStillBeDeleted() {
        Tenancy t = tenancy("gone").readyCluster();
        t.createTenant("db", "deletionPolicy: Delete");
        t.awaitTenantReady("db");

        client.resources(NeonCluster.class).inNamespace("gone").withName("demo").delete();

        t.awaitTenantReason("db", TenantCluster.CLUSTER_NOT_FOUND);
        client.resources(NeonTenant.class).inNamespace("gone").withName("db").delete();
        t.awaitTenantGone("db");
    }
}

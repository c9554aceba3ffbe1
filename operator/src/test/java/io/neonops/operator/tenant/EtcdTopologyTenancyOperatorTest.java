package io.neonops.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.testing.Conflicts;
import io.neonops.operator.testing.FakeLegacyPageservers;
import io.neonops.operator.testing.FakeSafekeeper;
import io.neonops.operator.testing.Poll;
import io.neonops.operator.testing.SecretFixtures;
import io.neonops.operator.testing.Started;
import io.neonops.operator.timeline.NeonTimeline;
import io.neonops.operator.timeline.NeonTimelineReconciler;
import io.neonops.operator.timeline.NeonTimelineStatus;
import io.neonops.safekeeper.api.TenantTimelineId;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.TenantId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * NeonTenant and NeonTimeline on a 2022 etcd-topology cluster: the real operator against the mock API server and
 * fakes of the 2022 pageservers, which it calls directly (there is no storage controller).
 */
@EnableKubernetesMockClient(crud = true)
class EtcdTopologyTenancyOperatorTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    private static final String GIVEN_ID = "1f359dd625e519a1a4e8d7509690f6fc";

    @RegisterExtension
    final Started started = new Started(server, client);

    private FakeLegacyPageservers pageservers;

    private Tenancy cluster(String namespace, int pageserverCount) {
        pageservers = started.closeLater(FakeLegacyPageservers.start());
        return Tenancy.start2022(started, server, client, namespace, pageservers).ready2022Cluster(pageserverCount);
    }

    private static String host(String tenantId, int pageserverCount) {
        return "demo-pageserver-" + PageserverTenancy.home(TenantId.of(tenantId), pageserverCount);
    }

    private long writes(String what) {
        return pageservers.writes().stream().filter(c -> c.endsWith(what)).count();
    }

    @Test
    void aTenantIsCreatedOnThePageserverItsIdPicksWithItsConfigurationAndReportsReady() {
        Tenancy t = cluster("create", 2);

        t.createTenant("db", "config: {pitrInterval: 7 days, gcPeriod: 1h, checkpointDistance: 268435456}");

        NeonTenantStatus status = t.awaitTenantReady("db");
        String id = NeonIds.derived(NeonTenant.KIND, "create", "db");
        assertThat(status.getTenantId()).isEqualTo(id);
        assertThat(status.getState()).isEqualTo(NeonTenantReconciler.ATTACHED);
        assertThat(status.getShards()).isEqualTo(1);
        assertThat(status.getPlacement()).as("no secondaries on 2022 pageservers").isEqualTo("Attached(0)");
        assertThat(status.getConfig().getPitrInterval()).isEqualTo("7 days");
        String home = host(id, 2);
        assertThat(pageservers.tenants(home)).containsOnlyKeys(id);
        String other = home.endsWith("0") ? "demo-pageserver-1" : "demo-pageserver-0";
        assertThat(pageservers.tenants(other)).isEmpty();
        ObjectNode config = pageservers.config(home, id);
        assertThat(config.get("pitr_interval").asText()).isEqualTo("7 days");
        assertThat(config.get("gc_period").asText()).isEqualTo("1h");
        assertThat(config.get("checkpoint_distance").asText()).isEqualTo("268435456");
        assertThat(t.operator.eventReasons("create")).containsOnlyOnce("TenantCreated");
    }

    @Test
    void anExistingTenantOnAnyPageserverIsAdoptedWhereItIsNotCreatedAgainAndGetsTheSpecsConfiguration() {
        String elsewhere = host(GIVEN_ID, 2).endsWith("0") ? "demo-pageserver-1" : "demo-pageserver-0";
        pageservers = started.closeLater(FakeLegacyPageservers.start());
        pageservers.hold(elsewhere, GIVEN_ID);
        Tenancy t = Tenancy.start2022(started, server, client, "adopt", pageservers).ready2022Cluster(2);

        t.createTenant("db", "tenantId: " + GIVEN_ID, "config: {pitrInterval: 3 days}");

        assertThat(t.awaitTenantReady("db").getTenantId()).isEqualTo(GIVEN_ID);
        assertThat(writes("POST /v1/tenant")).isZero();
        assertThat(pageservers.writes()).contains(elsewhere + " PUT /v1/tenant/config");
        assertThat(pageservers.config(elsewhere, GIVEN_ID).get("pitr_interval").asText()).isEqualTo("3 days");
        assertThat(t.operator.eventReasons("adopt")).contains("TenantAdopted", "TenantConfigUpdated")
                .doesNotContain("TenantCreated");
    }

    @Test
    void aChangedConfigurationIsPutOnceAndAResyncOfAnUnchangedTenantWritesNothingAnywhere() {
        Tenancy t = cluster("config", 1);
        t.createTenant("db", "config: {gcPeriod: 1h}");
        String id = t.awaitTenantReady("db").getTenantId();
        assertThat(writes("PUT /v1/tenant/config")).as("set with the creation").isEqualTo(1);

        Conflicts.retried(() -> client.resources(NeonTenant.class).inNamespace("config").withName("db").edit(r -> {
            r.getSpec().getConfig().setGcPeriod("2h");
            return r;
        }));

        Poll.until("gc_period 2h on the pageserver",
                () -> "2h".equals(pageservers.config("demo-pageserver-0", id).path("gc_period").asText()));
        t.awaitTenant("db", "the configuration in status", s -> s.getConfig() != null && "2h".equals(s.getConfig().getGcPeriod()));
        t.operator.awaitReconciliations("config", "db", 1);
        t.operator.requests.drain();
        int writesBefore = pageservers.writes().size();

        t.operator.awaitReconciliations("config", "db", 3);

        assertThat(t.operator.requests.writesIn("config")).filteredOn(r -> r.contains("neontenants")).isEmpty();
        assertThat(pageservers.writes()).hasSize(writesBefore);
        assertThat(writes("PUT /v1/tenant/config")).isEqualTo(2);
    }

    @Test
    void whatA2022PageserverCannotDoIsRefusedNamingTheField() {
        Tenancy t = cluster("refused", 2);

        t.createTenant("sharded", "shardCount: 2");
        t.createTenant("secondary", "secondaries: 1");

        assertThat(t.awaitTenantReason("sharded", NeonTenantReconciler.INVALID_SPEC).getMessage())
                .isEqualTo("spec.shardCount: NeonCluster demo runs the 2022 etcd topology: its pageservers do not shard"
                        + " tenants");
        assertThat(t.awaitTenantReason("secondary", NeonTenantReconciler.INVALID_SPEC).getMessage())
                .startsWith("spec.secondaries: ");
        assertThat(writes("POST /v1/tenant")).isZero();
    }

    @Test
    void timelinesAreCreatedOnTheTenantsPageserverAndBranchAtAnLsnAndAtATime() {
        Tenancy t = cluster("timelines", 2);
        t.createTenant("db");
        String tenant = t.awaitTenantReady("db").getTenantId();
        String home = host(tenant, 2);

        t.createTimeline("main", "db");
        NeonTimelineStatus main = t.awaitTimelineReady("main");
        assertThat(main.getPgVersion()).as("the cluster's default major").isEqualTo(15);
        assertThat(main.getState()).isEqualTo("Active");
        assertThat(main.getLastRecordLsn()).isEqualTo("0/169AD58");
        assertThat(main.getDiskConsistentLsn()).isEqualTo("0/169AD58");
        assertThat(main.getRemoteConsistentLsn()).isEqualTo("0/169AD58");
        assertThat(main.getLogicalSize()).isEqualTo(22_000_000L);
        assertThat(pageservers.timelines(home, tenant)).containsKey(main.getTimelineId());

        t.createTimeline("dev", "db", "parent: main", "branchPoint: {lsn: 0/1000000}");
        NeonTimelineStatus dev = t.awaitTimelineReady("dev");
        assertThat(dev.getAncestorTimelineId()).isEqualTo(main.getTimelineId());
        assertThat(dev.getAncestorLsn()).isEqualTo("0/1000000");
        assertThat(dev.getPgVersion()).isEqualTo(15);

        pageservers.answerLsnByTimestamp(main.getTimelineId(), "0/1500000");
        t.createTimeline("before", "db", "parent: main", "branchPoint: {timestamp: \"2026-11-30T09:00:00Z\"}");
        assertThat(t.awaitTimelineReady("before").getAncestorLsn()).isEqualTo("0/1500000");
        assertThat(pageservers.calls()).contains(home + " GET /v1/tenant/" + tenant + "/timeline/" + main.getTimelineId()
                + "/get_lsn_by_timestamp");
    }

    @Test
    void aTimeThe2022PageserverPutsInThePastWaitsWithAConditionAndNoBranch() {
        Tenancy t = cluster("past", 1);
        t.createTenant("db");
        t.awaitTenantReady("db");
        String main = t.createTimeline("main", "db").getMetadata().getName();
        String mainId = t.awaitTimelineReady(main).getTimelineId();
        pageservers.answerLsnByTimestamp(mainId, "past");

        t.createTimeline("too-early", "db", "parent: main", "branchPoint: {timestamp: \"2020-01-01T00:00:00Z\"}");

        Condition refused = t.awaitTimelineReason("too-early", NeonTimelineReconciler.BRANCH_POINT_NOT_FOUND);
        assertThat(refused.getMessage()).contains("spec.branchPoint.timestamp", "past");
        assertThat(writes("/timeline")).as("only main's creation").isEqualTo(1);
    }

    @Test
    void underDeleteAParentWaitsForItsChildTheSafekeepersDeleteTheWalAndTheTenantGoesTimelinesFirstThenDetached() {
        Tenancy t = cluster("delete", 1);
        t.createTenant("db", "deletionPolicy: Delete");
        String tenant = t.awaitTenantReady("db").getTenantId();
        t.createTimeline("main", "db", "deletionPolicy: Delete");
        String main = t.awaitTimelineReady("main").getTimelineId();
        t.createTimeline("dev", "db", "parent: main", "deletionPolicy: Delete");
        String dev = t.awaitTimelineReady("dev").getTimelineId();
        List<FakeSafekeeper> safekeepers = IntStream.range(0, 3)
                .mapToObj(i -> t.operator.safekeepers.of("delete", "demo-safekeeper-" + i)
                        .holds(TenantTimelineId.of(tenant, dev), Lsn.parse("0/1000000"), Lsn.parse("0/1000000")))
                .toList();

        client.resources(NeonTimeline.class).inNamespace("delete").withName("main").delete();

        Condition waiting = t.awaitTimelineReason("main", NeonTimelineReconciler.HAS_CHILDREN);
        assertThat(waiting.getMessage()).contains("children: NeonTimeline dev");
        assertThat(pageservers.timelines("demo-pageserver-0", tenant)).containsKey(main);

        client.resources(NeonTimeline.class).inNamespace("delete").withName("dev").delete();
        t.awaitTimelineGone("dev");
        t.awaitTimelineGone("main");
        assertThat(pageservers.timelines("demo-pageserver-0", tenant)).isEmpty();
        assertThat(safekeepers).as("the safekeepers deleted the branch's WAL")
                .noneMatch(sk -> sk.holds(TenantTimelineId.of(tenant, dev)));

        t.createTimeline("other", "db");
        String other = t.awaitTimelineReady("other").getTimelineId();
        client.resources(NeonTenant.class).inNamespace("delete").withName("db").delete();
        t.awaitTenantGone("db");
        assertThat(pageservers.tenants("demo-pageserver-0")).isEmpty();
        List<String> writes = pageservers.writes();
        assertThat(writes).containsSubsequence("demo-pageserver-0 DELETE /v1/tenant/" + tenant + "/timeline/" + dev,
                "demo-pageserver-0 DELETE /v1/tenant/" + tenant + "/timeline/" + main,
                "demo-pageserver-0 DELETE /v1/tenant/" + tenant + "/timeline/" + other,
                "demo-pageserver-0 POST /v1/tenant/" + tenant + "/detach");
        assertThat(safekeepers.get(0).paths()).contains("/v1/tenant/" + tenant);
    }

    @Test
    void underRetainDeletingTheResourcesKeepsTheTenantAndItsTimelines() {
        Tenancy t = cluster("retain", 1);
        t.createTenant("db");
        String tenant = t.awaitTenantReady("db").getTenantId();
        t.createTimeline("main", "db");
        String main = t.awaitTimelineReady("main").getTimelineId();

        client.resources(NeonTimeline.class).inNamespace("retain").withName("main").delete();
        t.awaitTimelineGone("main");
        client.resources(NeonTenant.class).inNamespace("retain").withName("db").delete();
        t.awaitTenantGone("db");

        assertThat(pageservers.timelines("demo-pageserver-0", tenant)).containsOnlyKeys(main);
        assertThat(pageservers.writes()).noneMatch(c -> c.contains("DELETE") || c.contains("detach"));
    }

    @Test
    void aResyncOfAnUnchangedTimelineWritesNothingAnywhere() {
        Tenancy t = cluster("resync", 1);
        t.createTenant("db");
        t.awaitTenantReady("db");
        t.createTimeline("main", "db");
        t.awaitTimelineReady("main");
        t.operator.awaitReconciliations("resync", "main", 1);
        t.operator.requests.drain();
        int writesBefore = pageservers.writes().size();

        t.operator.awaitReconciliations("resync", "main", 3);

        assertThat(t.operator.requests.writesIn("resync")).filteredOn(r -> r.contains("neontimelines")).isEmpty();
        assertThat(pageservers.writes()).hasSize(writesBefore);
    }

    @Test
    void withAuthTheTenantWaitsForTheOperatorsPageserverTokenAndPresentsItToThePageservers() {
        pageservers = started.closeLater(FakeLegacyPageservers.start());
        Tenancy t = Tenancy.start2022(started, server, client, "auth", pageservers).ready2022Cluster(1,
                "auth: {enabled: true, publicKeySecret: neon-keys, apiTokenSecret: pageserver-token}");

        t.createTenant("db");

        assertThat(t.awaitTenantReason("db", TenantCluster.NO_PAGESERVER_TOKEN).getMessage())
                .isEqualTo("NeonCluster auth/demo: spec.auth.apiTokenSecret: Secret auth/pageserver-token does not exist");
        assertThat(writes("POST /v1/tenant")).isZero();

        client.secrets().inNamespace("auth").resource(
                SecretFixtures.secret("pageserver-token", "token", SecretFixtures.base64("header.payload.signature\n"))).create();

        t.awaitTenantReady("db");
        assertThat(pageservers.authorizations()).isNotEmpty().containsOnly("Bearer header.payload.signature");
    }
}

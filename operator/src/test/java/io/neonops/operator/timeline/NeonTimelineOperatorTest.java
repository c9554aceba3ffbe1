package io.neonops.operator.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controller.api.TimelineCreateRequest;
import io.neonops.controller.api.TimelineInfo;
import io.neonops.controller.api.testing.FakeStorageController;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.tenant.NeonIds;
import io.neonops.operator.tenant.Tenancy;
import io.neonops.operator.testing.Poll;
import io.neonops.operator.testing.Started;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import io.neonops.storage.common.api.ApiClientSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * NeonTimeline reconciled by the real operator against the mock API server and the harness's fake storage
 * controller: root timelines, branches at an LSN and at a time, status refresh, deletion under both policies.
 */
@EnableKubernetesMockClient(crud = true)
class NeonTimelineOperatorTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    @RegisterExtension
    final Started started = new Started(server, client);

    /** A Ready cluster and tenant {@code db} on it. */
    private Tenancy withTenant(String namespace, String... tenantLines) {
        Tenancy t = Tenancy.start(started, server, client, namespace).readyCluster();
        t.createTenant("db", tenantLines);
        t.awaitTenantReady("db");
        return t;
    }

    private static TenantId tenantId(Tenancy t) {
        return TenantId.of(t.tenant("db").getStatus().getTenantId());
    }

    private static Optional<TimelineInfo> inNeon(Tenancy t, String timelineId) {
        return t.operator.storageController.tenant(tenantId(t)).isEmpty() ? Optional.empty()
                : new StorageControllerClient(ApiClientSettings.of(t.operator.storageController.baseUri()))
                        .timeline(tenantId(t), TimelineId.of(timelineId));
    }

    @Test
    void aRootTimelineGetsTheClustersDefaultMajorAndShowsItsLsnsAndSize() {
        Tenancy t = withTenant("root");

        t.createTimeline("main", "db");

        NeonTimelineStatus status = t.awaitTimelineReady("main");
        assertThat(status.getTimelineId()).isEqualTo(NeonIds.derived(NeonTimeline.KIND, "root", "main"));
        assertThat(status.getTenantId()).isEqualTo(tenantId(t).hex());
        assertThat(status.getPgVersion()).isEqualTo(17);
        assertThat(status.getState()).isEqualTo("Active");
        assertThat(status.getLastRecordLsn()).isEqualTo(FakeStorageController.FIRST_RECORD_LSN.toString());
        assertThat(status.getDiskConsistentLsn()).isEqualTo(FakeStorageController.FIRST_RECORD_LSN.toString());
        assertThat(status.getRemoteConsistentLsn()).isEqualTo(FakeStorageController.FIRST_RECORD_LSN.toString());
        assertThat(status.getLogicalSize()).isZero();
        assertThat(status.getAncestorTimelineId()).isNull();
        assertThat(inNeon(t, status.getTimelineId()).orElseThrow().pgVersion()).contains(17);
    }

    @Test
    void aMajorTheClusterDoesNotServeIsRefusedNamingTheFieldAndNothingIsCreated() {
        Tenancy t = withTenant("major");

        t.createTimeline("old", "db", "pgVersion: 15");

        Condition refused = t.awaitTimelineReason("old", NeonTimelineReconciler.INVALID_SPEC);
        assertThat(refused.getMessage()).isEqualTo("spec.pgVersion: Postgres 15 is not served by NeonCluster demo,"
                + " which serves 16, 17");
        assertThat(t.operator.storageController.calls()).noneMatch(c -> c.startsWith("POST") && c.contains("/timeline"));
    }

    @Test
    void aBranchAtAnLsnStartsThereOnItsParentAndHasItsParentsMajor() {
        Tenancy t = withTenant("lsn");
        t.createTimeline("main", "db", "pgVersion: 16");
        String main = t.awaitTimelineReady("main").getTimelineId();
        t.operator.storageController.setLastRecordLsn(tenantId(t), TimelineId.of(main), Lsn.parse("0/3000000"));

        t.createTimeline("dev", "db", "parent: main", "branchPoint: {lsn: 0/2000000}");

        NeonTimelineStatus dev = t.awaitTimelineReady("dev");
        assertThat(dev.getAncestorTimelineId()).isEqualTo(main);
        assertThat(dev.getAncestorLsn()).isEqualTo("0/2000000");
        assertThat(dev.getPgVersion()).isEqualTo(16);
        assertThat(inNeon(t, dev.getTimelineId()).orElseThrow().ancestorLsn()).contains(Lsn.parse("0/2000000"));
    }

    @Test
    void aBranchAtATimeStartsAtTheLsnThePageserverGivesForThatTime() {
        Tenancy t = withTenant("time");
        t.createTimeline("main", "db");
        String main = t.awaitTimelineReady("main").getTimelineId();
        Instant nine = Instant.parse("2026-11-30T09:00:00Z");
        t.operator.storageController.commit(tenantId(t), TimelineId.of(main), nine, Lsn.parse("0/2000000"));
        t.operator.storageController.commit(tenantId(t), TimelineId.of(main), nine.plusSeconds(3600), Lsn.parse("0/3000000"));

        t.createTimeline("before-ten", "db", "parent: main", "branchPoint: {timestamp: \"2026-11-30T10:59:59+01:00\"}");

        NeonTimelineStatus branch = t.awaitTimelineReady("before-ten");
        assertThat(branch.getAncestorLsn()).isEqualTo("0/2000000");
        assertThat(t.operator.storageController.calls()).contains("GET /v1/tenant/" + tenantId(t).hex() + "/timeline/"
                + main + "/get_lsn_by_timestamp?timestamp=2026-11-30T09%3A59%3A59Z");
    }

    @Test
    void aTimeBeforeTheParentsHistoryIsRefusedWithAConditionAndNoBranch() {
        Tenancy t = withTenant("past");
        t.createTimeline("main", "db");
        String main = t.awaitTimelineReady("main").getTimelineId();
        t.operator.storageController.commit(tenantId(t), TimelineId.of(main), Instant.parse("2026-11-30T09:00:00Z"),
                Lsn.parse("0/2000000"));

        t.createTimeline("too-early", "db", "parent: main", "branchPoint: {timestamp: \"2026-11-29T09:00:00Z\"}");

        Condition refused = t.awaitTimelineReason("too-early", NeonTimelineReconciler.BRANCH_POINT_NOT_FOUND);
        assertThat(refused.getMessage()).contains("spec.branchPoint.timestamp", "past");
        assertThat(t.operator.storageController.calls()).filteredOn(c -> c.startsWith("POST") && c.contains("/timeline"))
                .as("only main's creation").hasSize(1);
    }

    @Test
    void aTimeStillInTheFutureWaitsWithAConditionInsteadOfBranchingAtTheLatestState() {
        Tenancy t = withTenant("future");
        t.createTimeline("main", "db");
        t.awaitTimelineReady("main");

        t.createTimeline("tomorrow", "db", "parent: main", "branchPoint: {timestamp: \"2999-01-01T00:00:00Z\"}");

        Condition waiting = t.awaitTimelineReason("tomorrow", NeonTimelineReconciler.BRANCH_POINT_NOT_FOUND);
        assertThat(waiting.getMessage()).contains("is in the future");
        assertThat(t.operator.storageController.calls()).noneMatch(c -> c.contains("get_lsn_by_timestamp"));
    }

    @Test
    void theStatusFollowsTheTimelinesLsnsAtTheRefreshAndAnUnchangedTimelineWritesNothing() {
        Tenancy t = withTenant("refresh");
        t.createTimeline("main", "db");
        String main = t.awaitTimelineReady("main").getTimelineId();

        t.operator.storageController.setLastRecordLsn(tenantId(t), TimelineId.of(main), Lsn.parse("0/4000000"));

        t.awaitTimeline("main", "last record 0/4000000", s -> "0/4000000".equals(s.getLastRecordLsn()));
        t.operator.awaitReconciliations("refresh", "main", 1);
        t.operator.requests.drain();
        t.operator.awaitReconciliations("refresh", "main", 3);
        assertThat(t.operator.requests.writesIn("refresh")).filteredOn(r -> r.contains("neontimelines")).isEmpty();
    }

    @Test
    void aTimelineWithAChildIsNotDeletedUntilTheChildIsGoneAndTheConditionNamesIt() {
        Tenancy t = withTenant("children");
        t.createTimeline("main", "db", "deletionPolicy: Delete");
        String main = t.awaitTimelineReady("main").getTimelineId();
        t.createTimeline("dev", "db", "parent: main", "deletionPolicy: Delete");
        t.awaitTimelineReady("dev");

        client.resources(NeonTimeline.class).inNamespace("children").withName("main").delete();

        Condition waiting = t.awaitTimelineReason("main", NeonTimelineReconciler.HAS_CHILDREN);
        assertThat(waiting.getStatus()).isEqualTo(ClusterConditions.FALSE);
        assertThat(waiting.getMessage()).contains("children: NeonTimeline dev");
        assertThat(inNeon(t, main)).isPresent();

        client.resources(NeonTimeline.class).inNamespace("children").withName("dev").delete();

        t.awaitTimelineGone("dev");
        t.awaitTimelineGone("main");
        assertThat(inNeon(t, main)).isEmpty();
        assertThat(t.operator.eventReasons("children")).contains(NeonTimelineReconciler.HAS_CHILDREN)
                .filteredOn("TimelineDeleted"::equals).hasSize(2);
    }

    @Test
    void underRetainDeletingTheResourceKeepsTheTimeline() {
        Tenancy t = withTenant("retain");
        t.createTimeline("main", "db");
        String main = t.awaitTimelineReady("main").getTimelineId();

        client.resources(NeonTimeline.class).inNamespace("retain").withName("main").delete();

        t.awaitTimelineGone("main");
        assertThat(inNeon(t, main)).isPresent();
    }

    @Test
    void aTimelineOfATenantThatDoesNotExistWaitsWithAConditionAndIsCreatedOnceItIs() {
        Tenancy t = Tenancy.start(started, server, client, "waits").readyCluster();
        t.createTimeline("main", "db");

        Condition missing = t.awaitTimelineReason("main", NeonTimelineReconciler.TENANT_NOT_FOUND);
        assertThat(missing.getMessage()).isEqualTo("spec.tenant: NeonTenant waits/db does not exist");

        t.createTenant("db");

        t.awaitTimelineReady("main");
    }

    @Test
    void anExistingTimelineIsAdoptedByIdAndWhereItDiffersFromTheSpecTheConditionNamesTheFieldAndNothingIsChanged() {
        Tenancy t = withTenant("adopt");
        String id = "00112233445566778899aabbccddeeff";
        new StorageControllerClient(ApiClientSettings.of(t.operator.storageController.baseUri()))
                .createTimeline(tenantId(t), new TimelineCreateRequest.Bootstrap(TimelineId.of(id), PgMajorVersion.V16));
        int calls = t.operator.storageController.calls().size();

        t.createTimeline("legacy", "db", "timelineId: " + id, "pgVersion: 17");

        Condition differs = t.awaitTimelineReason("legacy", NeonTimelineReconciler.EXISTING_DIFFERS);
        assertThat(differs.getMessage()).startsWith("spec.pgVersion: timeline " + id + " exists with Postgres 16, not 17");
        assertThat(t.timeline("legacy").getStatus().getPgVersion()).isEqualTo(16);
        assertThat(t.operator.storageController.calls().subList(calls, t.operator.storageController.calls().size()))
                .allMatch(c -> c.startsWith("GET "));
    }

    @Test
    void theSameTimelineIdTwiceInOneTenantIsRefused() {
        Tenancy t = withTenant("twice");
        String id = "0123456789abcdef0123456789abcdef";
        t.createTimeline("main", "db", "timelineId: " + id);
        t.awaitTimelineReady("main");

        t.createTimeline("copy", "db", "timelineId: " + id);

        Condition refused = t.awaitTimelineReason("copy", NeonTimelineReconciler.TIMELINE_ID_IN_USE);
        assertThat(refused.getMessage()).contains("already managed by NeonTimeline main");
        Poll.until("main stays Ready", () -> t.timeline("main").getStatus().getConditions().stream()
                .anyMatch(c -> ClusterConditions.TRUE.equals(c.getStatus())));
        assertThat(List.of(t.timeline("main").getStatus().getTimelineId())).containsExactly(id);
    }
}

package io.neonops.controller.api.testing;

import static io.neonops.controller.api.Fixtures.BRANCH;
import static io.neonops.controller.api.Fixtures.OTHER_TENANT;
import static io.neonops.controller.api.Fixtures.TENANT;
import static io.neonops.controller.api.Fixtures.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.controller.api.DeletionOutcome;
import io.neonops.controller.api.LsnByTimestamp;
import io.neonops.controller.api.PlacementPolicy;
import io.neonops.controller.api.ShardParameters;
import io.neonops.controller.api.TenantConfig;
import io.neonops.controller.api.TenantCreateRequest;
import io.neonops.controller.api.TenantCreateResponse;
import io.neonops.controller.api.TenantDescription;
import io.neonops.controller.api.TenantPolicyRequest;
import io.neonops.controller.api.TenantShardId;
import io.neonops.controller.api.TimelineCreateRequest;
import io.neonops.controller.api.TimelineInfo;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.ApiRequest;
import io.neonops.storage.common.api.ConflictException;
import io.neonops.storage.common.api.NeonApiTransport;
import io.neonops.storage.common.api.NotFoundException;
import io.neonops.storage.common.api.UnexpectedStatusException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tenants and timelines kept by the fake, created and read through the client. */
class FakeStorageControllerTenantsTest extends WithFakeStorageController {

    private static final PgMajorVersion PG = PgMajorVersion.defaultForTests();

    private TenantCreateResponse create(ShardParameters shards, PlacementPolicy placement) {
        return client.createTenant(TenantCreateRequest.of(TENANT, shards, placement, TenantConfig.DEFAULTS));
    }

    /** One pageserver, an unsharded tenant on it and its root timeline. */
    private TimelineInfo tenantWithRootTimeline() {
        startPageservers(1);
        create(ShardParameters.UNSHARDED, PlacementPolicy.DEFAULT);
        return createRootTimeline();
    }

    private TimelineInfo createRootTimeline() {
        return client.createTimeline(TENANT, new TimelineCreateRequest.Bootstrap(TIMELINE, PG));
    }

    private TimelineInfo branchAt(Optional<Lsn> lsn) {
        return client.createTimeline(TENANT, new TimelineCreateRequest.Branch(BRANCH, TIMELINE, lsn, false));
    }

    @Test
    void aShardedTenantGetsOneShardIdPerShardSpreadOverThePageserversWithTheirSecondaries() {
        startPageservers(1, 2);

        TenantCreateResponse created = create(ShardParameters.of(2), PlacementPolicy.attached(1));

        assertThat(created.shards()).containsExactly(
                new TenantCreateResponse.Shard(new TenantShardId(TENANT, 0, 2), NodeId.of(1), 1),
                new TenantCreateResponse.Shard(new TenantShardId(TENANT, 1, 2), NodeId.of(2), 1));
        TenantDescription described = client.tenant(TENANT).orElseThrow();
        assertThat(described.shards()).extracting(TenantDescription.Shard::nodeSecondary)
                .containsExactly(List.of(NodeId.of(2)), List.of(NodeId.of(1)));
        assertThat(described.policy()).isEqualTo(PlacementPolicy.attached(1));
        assertThat(described.stripeSize()).isEqualTo(ShardParameters.DEFAULT_STRIPE_SIZE);
    }

    @Test
    void creatingATenantAgainReturnsItsShards() {
        startPageservers(1);
        TenantCreateResponse first = create(ShardParameters.UNSHARDED, PlacementPolicy.DEFAULT);

        assertThat(create(ShardParameters.UNSHARDED, PlacementPolicy.DEFAULT)).isEqualTo(first);
        assertThat(client.listTenants()).hasSize(1);
    }

    @Test
    void aSecondaryWithOnePageserverCannotBeScheduledButTheTenantIsKept() {
        startPageservers(1);

        assertThatThrownBy(() -> create(ShardParameters.UNSHARDED, PlacementPolicy.attached(1)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Failed to schedule shard(s): " + TENANT);
        assertThat(client.tenant(TENANT)).map(t -> t.shards().get(0).nodeAttached()).contains(Optional.of(NodeId.of(1)));
    }

    @Test
    void withoutAnActivePageserverNothingIsAttachedAndTimelinesMustWait() {
        assertThatThrownBy(() -> create(ShardParameters.UNSHARDED, PlacementPolicy.DEFAULT)).isInstanceOf(ConflictException.class);

        assertThatThrownBy(this::createRootTimeline)
                .isInstanceOf(UnexpectedStatusException.class)
                .hasMessageContaining("HTTP 503: One or more shards in tenant is not yet attached");
    }

    @Test
    void unknownFieldsAreRefusedAsTheStorageControllerDoes() {
        startPageservers(1);
        var transport = new NeonApiTransport(ApiClientSettings.of(controller.baseUri()));

        assertThatThrownBy(() -> transport.send(ApiRequest.post("/v1/tenant", Map.of("new_tenant_id", TENANT.hex(), "shard_count", 2))))
                .isInstanceOf(UnexpectedStatusException.class)
                .hasMessageContaining("HTTP 400: Bad request: unknown field `shard_count`");
        assertThat(client.listTenants()).isEmpty();
    }

    @Test
    void aNewPlacementPolicyAddsTheSecondaryADrainNeeds() {
        startPageservers(1, 2);
        create(ShardParameters.UNSHARDED, PlacementPolicy.DEFAULT);
        assertThat(client.tenant(TENANT).orElseThrow().shardsStuckOn(NodeId.of(1))).hasSize(1);

        client.setTenantPolicy(TENANT, TenantPolicyRequest.placement(PlacementPolicy.attached(1)));

        assertThat(client.tenant(TENANT).orElseThrow().shardsStuckOn(NodeId.of(1))).isEmpty();
    }

    @Test
    void aDeletedTenantIsGoneAndDeletingItAgainFindsNothing() {
        startPageservers(1);
        create(ShardParameters.UNSHARDED, PlacementPolicy.DEFAULT);

        assertThat(client.deleteTenant(TENANT)).isEqualTo(DeletionOutcome.DELETED);
        assertThat(client.deleteTenant(TENANT)).isEqualTo(DeletionOutcome.NOT_FOUND);
        assertThat(client.tenant(TENANT)).isEmpty();
    }

    @Test
    void aTenantDeletionThatTimedOutIsStillInProgress() {
        controller.failNext("DELETE", "/v1/tenant/.*", 408, "Timed out waiting for reconcile");

        assertThat(client.deleteTenant(TENANT)).isEqualTo(DeletionOutcome.IN_PROGRESS);
    }

    @Test
    void aRootTimelineIsCreatedOnceAndListed() {
        startPageservers(1);
        create(ShardParameters.UNSHARDED, PlacementPolicy.DEFAULT);

        TimelineInfo root = createRootTimeline();

        assertThat(root.pgVersion()).contains(PG.major());
        assertThat(root.lastRecordLsn()).isEqualTo(FakeStorageController.FIRST_RECORD_LSN);
        assertThat(root.tenantId()).isEqualTo(TenantShardId.unsharded(TENANT));
        assertThat(createRootTimeline()).isEqualTo(root);
        assertThat(client.listTimelines(TENANT)).containsExactly(root);
        assertThat(client.timeline(TENANT, TIMELINE)).contains(root);
        assertThat(client.timeline(TENANT, BRANCH)).isEmpty();
    }

    @Test
    void theSameTimelineIdWithOtherParametersIsAConflict() {
        tenantWithRootTimeline();
        PgMajorVersion other = PG == PgMajorVersion.V14 ? PgMajorVersion.V15 : PgMajorVersion.V14;

        assertThatThrownBy(() -> client.createTimeline(TENANT, new TimelineCreateRequest.Bootstrap(TIMELINE, other)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aBranchInheritsItsAncestorsPostgresAndStartsAtTheBranchPoint() {
        tenantWithRootTimeline();
        controller.setLastRecordLsn(TENANT, TIMELINE, Lsn.parse("0/2000000"));

        TimelineInfo branch = branchAt(Optional.of(Lsn.parse("0/1800000")));

        assertThat(branch.ancestorTimelineId()).contains(TIMELINE);
        assertThat(branch.ancestorLsn()).contains(Lsn.parse("0/1800000"));
        assertThat(branch.pgVersion()).contains(PG.major());
        assertThat(client.timeline(TENANT, TIMELINE)).map(TimelineInfo::lastRecordLsn).contains(Lsn.parse("0/2000000"));
    }

    @Test
    void aBranchPastItsAncestorsLastRecordOrOfNoAncestorIsAConflict() {
        tenantWithRootTimeline();

        assertThatThrownBy(() -> branchAt(Optional.of(Lsn.parse("1/0")))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("beyond its last record");
        assertThatThrownBy(() -> client.createTimeline(TENANT, new TimelineCreateRequest.Branch(BRANCH, BRANCH, Optional.empty(), false)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aTimelineWithChildrenIsNotDeletedAndALeafIsDeletedOnceItIsDone() {
        tenantWithRootTimeline();
        branchAt(Optional.empty());

        assertThatThrownBy(() -> client.deleteTimeline(TENANT, TIMELINE))
                .isInstanceOf(UnexpectedStatusException.class)
                .hasMessageContaining("HTTP 412: Cannot delete timeline which has child timelines");
        controller.holdTimelineDeletions(true);
        assertThat(client.deleteTimeline(TENANT, BRANCH)).isEqualTo(DeletionOutcome.IN_PROGRESS);
        controller.holdTimelineDeletions(false);
        assertThat(client.deleteTimeline(TENANT, BRANCH)).isEqualTo(DeletionOutcome.DELETED);
        assertThat(client.deleteTimeline(TENANT, BRANCH)).isEqualTo(DeletionOutcome.DELETED);
        assertThat(client.deleteTimeline(OTHER_TENANT, BRANCH)).isEqualTo(DeletionOutcome.NOT_FOUND);
    }

    @Test
    void timelinesOfAnUnknownTenantAreNotFound() {
        assertThatThrownBy(() -> client.listTimelines(OTHER_TENANT))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Tenant " + OTHER_TENANT + " not found");
    }

    @Test
    void theLsnAtATimeIsTheLastCommitAtOrBeforeIt() {
        tenantWithRootTimeline();
        Instant nine = Instant.parse("2026-11-30T09:00:00Z");
        Lsn first = Lsn.parse("0/1700000");
        Lsn second = Lsn.parse("0/1800000");
        controller.commit(TENANT, TIMELINE, nine, first);
        controller.commit(TENANT, TIMELINE, nine.plusSeconds(3600), second);

        assertThat(client.lsnByTimestamp(TENANT, TIMELINE, nine.plusSeconds(60)))
                .isEqualTo(new LsnByTimestamp(first, LsnByTimestamp.Kind.PRESENT));
        assertThat(client.lsnByTimestamp(TENANT, TIMELINE, nine.plusSeconds(7200)))
                .isEqualTo(new LsnByTimestamp(second, LsnByTimestamp.Kind.FUTURE));
        assertThat(client.lsnByTimestamp(TENANT, TIMELINE, nine.minusSeconds(1)).kind()).isEqualTo(LsnByTimestamp.Kind.PAST);
        assertThat(controller.calls()).contains("GET /v1/tenant/" + TENANT.hex() + "/timeline/" + TIMELINE.hex()
                + "/get_lsn_by_timestamp?timestamp=2026-11-30T09%3A01%3A00Z");
    }

    @Test
    void aTimelineWithoutCommitsHasNoDataForAnyTime() {
        tenantWithRootTimeline();

        assertThat(client.lsnByTimestamp(TENANT, TIMELINE, Instant.parse("2026-11-30T09:00:00Z")).kind())
                .isEqualTo(LsnByTimestamp.Kind.NODATA);
    }
}

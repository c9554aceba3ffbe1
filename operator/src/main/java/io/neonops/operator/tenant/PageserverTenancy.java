package io.neonops.operator.tenant;

import io.neonops.controller.api.DeletionOutcome;
import io.neonops.controller.api.LsnByTimestamp;
import io.neonops.controller.api.PlacementPolicy;
import io.neonops.controller.api.ShardSchedulingPolicy;
import io.neonops.controller.api.TenantConfig;
import io.neonops.controller.api.TenantDescription;
import io.neonops.controller.api.TenantShardId;
import io.neonops.controller.api.TimelineCreateRequest;
import io.neonops.controller.api.TimelineInfo;
import io.neonops.controller.api.TimelineState;
import io.neonops.pageserver.api.PageserverClient;
import io.neonops.pageserver.api.TenantConfigRequest;
import io.neonops.pageserver.api.TenantCreateRequest;
import io.neonops.pageserver.api.TenantInfo;
import io.neonops.pageserver.api.TimelineSizes;
import io.neonops.safekeeper.api.SafekeeperClient;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import io.neonops.storage.common.api.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tenants and timelines of a 2022 etcd-topology cluster, straight through its pageservers' API. A 2022 tenant is
 * unsharded and lives on one pageserver: it is found in every pageserver's listing (so it never moves when pageservers
 * are added, and an adopted tenant is found wherever it is), and a new one is created on the pageserver
 * {@link #home(TenantId, int)} picks. Nothing is created while a pageserver cannot be asked, since it might hold the
 * tenant. Those pageservers cannot report a tenant's configuration: {@link #configMatches} goes by what the
 * operator set last. A timeline's or tenant's deletion is also asked of every safekeeper, which keep its WAL.
 *
 * @param pageservers a client of each pageserver, by index (pod ordinal)
 * @param safekeepers a client of each safekeeper
 */
public record PageserverTenancy(List<PageserverClient> pageservers, List<SafekeeperClient> safekeepers)
        implements TenancyApi {

    /** How the 2022 API names a branch point it cannot find a commit for. */
    private static final String FUTURE = "future";
    private static final String PAST = "past";
    private static final String NODATA = "nodata";

    public PageserverTenancy {
        pageservers = List.copyOf(pageservers);
        safekeepers = List.copyOf(safekeepers);
        if (pageservers.isEmpty()) {
            throw new IllegalArgumentException("a cluster without pageservers holds no tenants");
        }
    }

    /**
     * The pageserver a new tenant is created on: the tenant id's hash (Java's specified {@code String.hashCode} of
     * its hex) modulo the pageserver count, to spread tenants; only creation uses it.
     */
    public static int home(TenantId id, int pageserverCount) {
        return Math.floorMod(id.hex().hashCode(), pageserverCount);
    }

    @Override
    public String errorReason() {
        return NeonTenantReconciler.PAGESERVER_ERROR;
    }

    /** The pageserver holding the tenant, with its answer. */
    private record Located(int index, PageserverClient client, TenantInfo info) {
    }

    /**
     * Asks the listings, not {@code GET /v1/tenant/{id}}, whose answer for an unknown tenant the 2022 API does not
     * define (its OpenAPI file has no 404 there).
     */
    private Optional<Located> locate(TenantId id) {
        for (int index = 0; index < pageservers.size(); index++) {
            PageserverClient client = pageservers.get(index);
            Optional<TenantInfo> info = client.listTenants().stream().filter(t -> t.id().equals(id)).findFirst();
            if (info.isPresent()) {
                return Optional.of(new Located(index, client, info.get()));
            }
        }
        return Optional.empty();
    }

    private Located required(TenantId id) {
        return locate(id).orElseThrow(() -> new IllegalStateException("no pageserver holds tenant " + id));
    }

    @Override
    public Optional<TenantDescription> tenant(TenantId id) {
        return locate(id).map(located -> {
            boolean active = located.info().state().isActive();
            String error = "Broken".equals(located.info().state().name()) ? located.info().state().toString() : "";
            // the storage controller's node ids are index + 1; the same ids name the 2022 pageservers
            TenantDescription.Shard shard = new TenantDescription.Shard(TenantShardId.unsharded(id),
                    active ? Optional.of(NodeId.of(located.index() + 1L)) : Optional.empty(), List.of(), error,
                    !active && error.isEmpty(), false, false, ShardSchedulingPolicy.ACTIVE, Optional.empty());
            return new TenantDescription(id, List.of(shard), 0, PlacementPolicy.attached(0), TenantConfig.DEFAULTS);
        });
    }

    @Override
    public void createTenant(DesiredTenant desired) {
        PageserverClient home = pageservers.get(home(desired.id(), pageservers.size()));
        home.createTenant(TenantCreateRequest.withId(desired.id()));
        if (!desired.config().equals(TenantConfig.DEFAULTS)) {
            home.updateTenantConfig(configRequest(desired));
        }
    }

    @Override
    public boolean configMatches(DesiredTenant desired, TenantDescription existing, Optional<TenantConfig> lastSet) {
        return lastSet.filter(desired::configMatches).isPresent();
    }

    @Override
    public void setTenantConfig(DesiredTenant desired) {
        required(desired.id()).client().updateTenantConfig(configRequest(desired));
    }

    /** The settings the 2022 API knows; {@link DesiredTenant} refuses the others on such a cluster. */
    static TenantConfigRequest configRequest(DesiredTenant desired) {
        TenantConfig config = desired.config();
        return new TenantConfigRequest(desired.id(), config.checkpointDistance(), config.checkpointTimeout(),
                config.compactionPeriod(), config.gcHorizon(), config.gcPeriod(), config.pitrInterval());
    }

    @Override
    public void setTenantPlacement(TenantId id, PlacementPolicy placement) {
        throw new IllegalStateException("tenant " + id + ": a 2022 pageserver has no placement policy; "
                + DesiredTenant.class.getSimpleName() + " asks for Attached(0) on such a cluster");
    }

    /**
     * The 2022 pageserver API has no tenant deletion: the pageserver detaches it, dropping its local files; the
     * safekeepers delete the tenant's WAL first, so that a failure there is retried while the tenant is still found.
     */
    @Override
    public DeletionOutcome deleteTenant(TenantId id) {
        Optional<Located> located = locate(id);
        if (located.isEmpty()) {
            return DeletionOutcome.NOT_FOUND;
        }
        for (SafekeeperClient safekeeper : safekeepers) {
            try {
                safekeeper.deleteTenant(id);
            } catch (NotFoundException e) {
                // it never had this tenant's WAL
            }
        }
        try {
            located.get().client().detachTenant(id);
        } catch (NotFoundException e) {
            return DeletionOutcome.NOT_FOUND;
        }
        return DeletionOutcome.DELETED;
    }

    @Override
    public List<TimelineInfo> listTimelines(TenantId tenantId) {
        return locate(tenantId).map(located -> located.client().listTimelines(tenantId, TimelineSizes.INCREMENTAL_ONLY)
                .stream().map(PageserverTenancy::described).toList()).orElse(List.of());
    }

    /** From the tenant's listing, for the same reason as {@link #locate}: no 404 is defined for a timeline's detail. */
    @Override
    public Optional<TimelineInfo> timeline(TenantId tenantId, TimelineId timelineId) {
        return listTimelines(tenantId).stream().filter(t -> t.timelineId().equals(timelineId)).findFirst();
    }

    @Override
    public TimelineInfo createTimeline(TenantId tenantId, TimelineCreateRequest request) {
        io.neonops.pageserver.api.TimelineCreateRequest body;
        if (request instanceof TimelineCreateRequest.Bootstrap root) {
            body = io.neonops.pageserver.api.TimelineCreateRequest.root(Optional.of(root.newTimelineId()), root.pgVersion());
        } else {
            TimelineCreateRequest.Branch branch = (TimelineCreateRequest.Branch) request;
            body = io.neonops.pageserver.api.TimelineCreateRequest.branch(Optional.of(branch.newTimelineId()),
                    branch.ancestorTimelineId(), branch.ancestorStartLsn());
        }
        return described(required(tenantId).client().createTimeline(tenantId, body));
    }

    /**
     * The 2022 answer is a bare string; "future" carries no LSN there, so the parent's last record stands for it,
     * as later releases answer.
     */
    @Override
    public LsnByTimestamp lsnByTimestamp(TenantId tenantId, TimelineId timelineId, Instant at) {
        PageserverClient client = required(tenantId).client();
        String answer = client.lsnByTimestamp(tenantId, timelineId, at);
        return switch (answer) {
            case FUTURE -> new LsnByTimestamp(client.timeline(tenantId, timelineId, TimelineSizes.INCREMENTAL_ONLY)
                    .lastRecordLsn(), LsnByTimestamp.Kind.FUTURE);
            case PAST -> new LsnByTimestamp(Lsn.INVALID, LsnByTimestamp.Kind.PAST);
            case NODATA -> new LsnByTimestamp(Lsn.INVALID, LsnByTimestamp.Kind.NODATA);
            default -> new LsnByTimestamp(Lsn.parse(answer), LsnByTimestamp.Kind.PRESENT);
        };
    }

    @Override
    public DeletionOutcome deleteTimeline(TenantId tenantId, TimelineId timelineId) {
        Optional<Located> located = locate(tenantId);
        if (located.isEmpty() || located.get().client().listTimelines(tenantId, TimelineSizes.INCREMENTAL_ONLY).stream()
                .noneMatch(t -> t.timelineId().equals(timelineId))) {
            return DeletionOutcome.NOT_FOUND;
        }
        // the safekeepers first: a failure there is retried while the pageserver still lists the timeline
        for (SafekeeperClient safekeeper : safekeepers) {
            try {
                safekeeper.deleteTimeline(tenantId, timelineId);
            } catch (NotFoundException e) {
                // it never had this timeline's WAL
            }
        }
        try {
            located.get().client().deleteTimeline(tenantId, timelineId);
        } catch (NotFoundException e) {
            return DeletionOutcome.NOT_FOUND;
        }
        return DeletionOutcome.DELETED;
    }

    /**
     * A 2022 timeline in the reconcilers' terms: it has no state of its own, so it is Active once local and
     * AwaitsDownload while the pageserver still fetches it from remote storage.
     */
    private static TimelineInfo described(io.neonops.pageserver.api.TimelineInfo info) {
        TimelineState state = info.awaitsDownload() ? new TimelineState("AwaitsDownload", Optional.empty())
                : TimelineState.ACTIVE;
        return new TimelineInfo(TenantShardId.unsharded(info.tenantId()), info.timelineId(), info.ancestorTimelineId(),
                info.ancestorLsn(), info.lastRecordLsn(), info.prevRecordLsn(), info.diskConsistentLsn(),
                info.remoteConsistentLsn(), Optional.empty(), info.latestGcCutoffLsn(), Optional.empty(),
                info.currentLogicalSize(), info.pgVersion(), state, Optional.empty());
    }
}

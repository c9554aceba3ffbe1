package io.neonops.operator.timeline;

import static io.neonops.operator.testing.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.neonops.operator.tenant.InvalidTenantException;
import io.neonops.operator.tenant.NeonIds;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.TimelineId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a NeonTimeline asks of Neon, read without any server. */
class DesiredTimelineTest {

    private static final String MODERN = "storageBroker: {}\nstorageController: {}\nremoteStorage: {bucket: b, region: r}\n"
            + "postgres: {versions: [16, 17], defaultVersion: 16}";

    private static NeonTimeline timeline(String name, NeonTimelineSpec spec) {
        NeonTimeline timeline = new NeonTimeline();
        timeline.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").build());
        timeline.setSpec(spec);
        return timeline;
    }

    private static NeonTimelineSpec timelineSpec(Integer pgVersion, String parent, BranchPointSpec point) {
        NeonTimelineSpec spec = new NeonTimelineSpec();
        spec.setTenant("db");
        spec.setPgVersion(pgVersion);
        spec.setParent(parent);
        spec.setBranchPoint(point);
        return spec;
    }

    private static BranchPointSpec point(String lsn, String timestamp) {
        BranchPointSpec point = new BranchPointSpec();
        point.setLsn(lsn);
        point.setTimestamp(timestamp);
        return point;
    }

    @Test
    void aRootTimelineWithoutAMajorGetsTheClustersDefaultAndADerivedId() throws InvalidTenantException {
        DesiredTimeline desired = DesiredTimeline.of(timeline("main", timelineSpec(null, null, null)), spec(MODERN));

        assertThat(desired).isEqualTo(new DesiredTimeline.Root(TimelineId.of(NeonIds.derived(NeonTimeline.KIND, "ns", "main")),
                PgMajorVersion.V16));
    }

    @Test
    void aMajorTheClusterDoesNotServeIsRefusedNamingTheFieldAndWhatItServes() {
        assertThatThrownBy(() -> DesiredTimeline.of(timeline("main", timelineSpec(15, null, null)), spec(MODERN)))
                .isInstanceOf(InvalidTenantException.class)
                .hasMessage("spec.pgVersion: Postgres 15 is not served by NeonCluster demo, which serves 16, 17");
    }

    @Test
    void aBranchStartsAtItsLsnAtItsTimeInUtcOrAtTheParentsLatestState() throws InvalidTenantException {
        DesiredTimeline atLsn = DesiredTimeline.of(timeline("b", timelineSpec(null, "main", point("0/16B5A50", null))),
                spec(MODERN));
        DesiredTimeline atTime = DesiredTimeline.of(timeline("b", timelineSpec(null, "main",
                point(null, "2026-11-30T10:00:00+01:00"))), spec(MODERN));
        DesiredTimeline latest = DesiredTimeline.of(timeline("b", timelineSpec(null, "main", null)), spec(MODERN));

        assertThat(((DesiredTimeline.Branch) atLsn).point()).isEqualTo(new DesiredTimeline.BranchPoint.AtLsn(Lsn.parse("0/16B5A50")));
        assertThat(((DesiredTimeline.Branch) atTime).point())
                .isEqualTo(new DesiredTimeline.BranchPoint.AtTime(Instant.parse("2026-11-30T09:00:00Z")));
        assertThat(((DesiredTimeline.Branch) latest).point()).isEqualTo(new DesiredTimeline.BranchPoint.Latest());
        assertThat(((DesiredTimeline.Branch) latest).parent()).isEqualTo("main");
    }
}

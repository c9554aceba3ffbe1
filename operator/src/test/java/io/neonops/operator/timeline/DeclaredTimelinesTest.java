package io.neonops.operator.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.neonops.operator.tenant.DesiredTenant;
import io.neonops.operator.tenant.NeonTenant;
import io.neonops.operator.tenant.NeonTenantSpec;
import io.neonops.operator.upgrade.TimelinePgVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclaredTimelinesTest {

    private static NeonTenant tenant(String name, String cluster) {
        NeonTenant tenant = new NeonTenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").build());
        NeonTenantSpec spec = new NeonTenantSpec();
        spec.setCluster(cluster);
        tenant.setSpec(spec);
        return tenant;
    }

    private static NeonTimeline timeline(String name, String tenant, Integer specMajor, Integer statusMajor) {
        NeonTimeline timeline = new NeonTimeline();
        timeline.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").build());
        NeonTimelineSpec spec = new NeonTimelineSpec();
        spec.setTenant(tenant);
        spec.setPgVersion(specMajor);
        timeline.setSpec(spec);
        if (statusMajor != null) {
            NeonTimelineStatus status = new NeonTimelineStatus();
            status.setPgVersion(statusMajor);
            timeline.setStatus(status);
        }
        return timeline;
    }

    @Test
    void theTimelinesOfTheClustersTenantsCountWithTheMajorTheirStatusOrSpecShows() {
        NeonTenant db = tenant("db", "demo");
        NeonTimeline created = timeline("main", "db", null, 16);
        NeonTimeline declared = timeline("old", "db", 15, null);
        NeonTimeline unknown = timeline("branch", "db", null, null);
        NeonTimeline elsewhere = timeline("x", "other", 14, 14);

        List<TimelinePgVersion> counted = DeclaredTimelines.of(List.of(db, tenant("other", "another-cluster")),
                List.of(created, declared, unknown, elsewhere), "demo");

        String tenantId = DesiredTenant.idOf(db).hex();
        assertThat(counted).containsExactly(
                new TimelinePgVersion(tenantId, DesiredTimeline.idOf(created).hex(), 16),
                new TimelinePgVersion(tenantId, DesiredTimeline.idOf(declared).hex(), 15));
    }
}

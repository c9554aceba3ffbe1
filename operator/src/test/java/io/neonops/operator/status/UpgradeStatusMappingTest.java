package io.neonops.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.operator.cluster.RollingUpgradeStatus;
import io.neonops.operator.cluster.SoftwareVersion;
import io.neonops.operator.upgrade.SpecSummary;
import io.neonops.operator.upgrade.UpgradeStatus;
import io.neonops.storage.common.PgMajorVersion;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpgradeStatusMappingTest {

    private static final UpgradeStatus UPGRADE = new UpgradeStatus(
            Optional.of(new SpecSummary("neon:1", List.of(PgMajorVersion.V16))),
            new SpecSummary("neon:2", List.of(PgMajorVersion.V16, PgMajorVersion.V17)),
            Optional.of("demo-safekeeper-1"), Optional.of("restarting demo-safekeeper-1"), 3, 5);

    @Test
    void anUpgradeReadsBackAsItWasWritten() {
        RollingUpgradeStatus written = UpgradeStatusMapping.toResource(UPGRADE);

        assertThat(written.getTo()).isEqualTo(new SoftwareVersion("neon:2", List.of(16, 17)));
        assertThat(written.getCurrentPod()).isEqualTo("demo-safekeeper-1");
        assertThat(written.getStep()).isEqualTo("restarting demo-safekeeper-1");
        assertThat(UpgradeStatusMapping.fromResource(written)).contains(UPGRADE);
    }

    @Test
    void anUpgradeWithoutFromOrCurrentPodReadsBack() {
        UpgradeStatus bare = new UpgradeStatus(Optional.empty(), UPGRADE.to(), Optional.empty(), Optional.empty(), 5, 5);

        assertThat(UpgradeStatusMapping.fromResource(UpgradeStatusMapping.toResource(bare))).contains(bare);
    }

    @Test
    void aDamagedUpgradeReadsAsNone() {
        RollingUpgradeStatus unknownMajor = UpgradeStatusMapping.toResource(UPGRADE);
        unknownMajor.getTo().setPostgresVersions(List.of(9));
        RollingUpgradeStatus nullMajor = UpgradeStatusMapping.toResource(UPGRADE);
        nullMajor.getTo().setPostgresVersions(Arrays.asList(16, null));
        RollingUpgradeStatus noCounts = UpgradeStatusMapping.toResource(UPGRADE);
        noCounts.setTotalPods(null);
        RollingUpgradeStatus tooMany = UpgradeStatusMapping.toResource(UPGRADE);
        tooMany.setUpdatedPods(6);

        assertThat(List.of(unknownMajor, nullMajor, noCounts, tooMany))
                .allSatisfy(status -> assertThat(UpgradeStatusMapping.fromResource(status)).isEmpty());
        assertThat(UpgradeStatusMapping.fromResource(null)).isEmpty();
    }

    @Test
    void theStartOfAWaitReadsBackAndAnUnreadableOneIsNone() {
        UpgradeStatus waiting = new UpgradeStatus(UPGRADE.from(), UPGRADE.to(), Optional.of("demo-safekeeper-0"),
                Optional.of("waiting for demo-safekeeper-2 to catch up"), 3, 5, Optional.of(Instant.parse("2026-01-02T03:04:05Z")));
        RollingUpgradeStatus written = UpgradeStatusMapping.toResource(waiting);

        assertThat(written.getWaitingSince()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(UpgradeStatusMapping.fromResource(written)).contains(waiting);
        written.setWaitingSince("yesterday");
        assertThat(UpgradeStatusMapping.fromResource(written).orElseThrow().waitingSince()).isEmpty();
    }
}

package io.neonops.operator.status;

import io.neonops.operator.cluster.RollingUpgradeStatus;
import io.neonops.operator.cluster.SoftwareVersion;
import io.neonops.operator.upgrade.SpecSummary;
import io.neonops.operator.upgrade.UpgradeStatus;
import io.neonops.storage.common.PgMajorVersion;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Between the upgrade core's {@link UpgradeStatus} and {@code status.upgrade} as the API server stores it. */
public final class UpgradeStatusMapping {

    private UpgradeStatusMapping() {
    }

    public static RollingUpgradeStatus toResource(UpgradeStatus upgrade) {
        RollingUpgradeStatus status = new RollingUpgradeStatus();
        status.setFrom(upgrade.from().map(UpgradeStatusMapping::toResource).orElse(null));
        status.setTo(toResource(upgrade.to()));
        status.setCurrentPod(upgrade.currentPod().orElse(null));
        status.setStep(upgrade.step().orElse(null));
        status.setUpdatedPods(upgrade.updatedPods());
        status.setTotalPods(upgrade.totalPods());
        status.setWaitingSince(upgrade.waitingSince().map(Instant::toString).orElse(null));
        return status;
    }

    /**
     * The upgrade a previous reconcile recorded; empty when there is none or it cannot be read (status is the
     * operator's own, so a damaged one only costs the carried-over {@code from}).
     */
    public static Optional<UpgradeStatus> fromResource(RollingUpgradeStatus status) {
        if (status == null || status.getUpdatedPods() == null || status.getTotalPods() == null) {
            return Optional.empty();
        }
        Optional<SpecSummary> to = summary(status.getTo());
        if (to.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UpgradeStatus(summary(status.getFrom()), to.get(),
                    Optional.ofNullable(status.getCurrentPod()), Optional.ofNullable(status.getStep()), status.getUpdatedPods(), status.getTotalPods(),
                    instant(status.getWaitingSince())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A time that cannot be read is as good as none: the wait it timed starts again. */
    private static Optional<Instant> instant(String text) {
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static SoftwareVersion toResource(SpecSummary summary) {
        return new SoftwareVersion(summary.image(), summary.versions().stream().map(PgMajorVersion::major).toList());
    }

    private static Optional<SpecSummary> summary(SoftwareVersion version) {
        if (version == null || version.getImage() == null || version.getPostgresVersions() == null
                || version.getPostgresVersions().stream().anyMatch(Objects::isNull)) {
            return Optional.empty();
        }
        try {
            List<PgMajorVersion> majors = new ArrayList<>();
            version.getPostgresVersions().forEach(major -> majors.add(PgMajorVersion.ofMajor(major)));
            return Optional.of(new SpecSummary(version.getImage(), majors));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

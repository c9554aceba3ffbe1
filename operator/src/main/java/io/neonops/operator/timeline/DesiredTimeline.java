package io.neonops.operator.timeline;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controller.api.TimelineInfo;
import io.neonops.operator.cluster.DeletionPolicy;
import io.neonops.operator.tenant.InvalidTenantException;
import io.neonops.operator.tenant.NeonIds;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.TimelineId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a NeonTimeline asks of Neon with every default resolved: a pure function of the resource and its cluster. */
public sealed interface DesiredTimeline {

    TimelineId id();

    /** A new root timeline, initialised by initdb of {@code major}. */
    record Root(TimelineId id, PgMajorVersion major) implements DesiredTimeline {
        public Root {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(major, "major");
        }
    }

    /** A branch of the NeonTimeline {@code parent} (resource name) at {@code point}. */
    record Branch(TimelineId id, String parent, BranchPoint point) implements DesiredTimeline {
        public Branch {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(point, "point");
        }
    }

    /** Where on the parent a branch starts. */
    sealed interface BranchPoint {
        /** The parent's last record when the branch is created. */
        record Latest() implements BranchPoint {
        }

        record AtLsn(Lsn lsn) implements BranchPoint {
        }

        /** Resolved to an LSN through the pageserver's LSN-by-timestamp API when the branch is created. */
        record AtTime(Instant time) implements BranchPoint {
        }
    }

    /** The timeline's id: {@code spec.timelineId}, or the one {@link NeonIds} derives from the resource. */
    static TimelineId idOf(NeonTimeline timeline) {
        String given = timeline.getSpec() == null ? null : timeline.getSpec().getTimelineId();
        return TimelineId.of(given != null ? given : NeonIds.derived(NeonTimeline.KIND,
                timeline.getMetadata().getNamespace(), timeline.getMetadata().getName()));
    }

    static DeletionPolicy deletionPolicyOf(NeonTimeline timeline) {
        return Optional.ofNullable(timeline.getSpec()).map(NeonTimelineSpec::getDeletionPolicy).orElse(DeletionPolicy.RETAIN);
    }

    /**
     * @throws InvalidTenantException naming the field, when the cluster does not serve the Postgres major or the
     *                                branch point cannot be read
     */
    static DesiredTimeline of(NeonTimeline timeline, ClusterSpec cluster) throws InvalidTenantException {
        NeonTimelineSpec spec = timeline.getSpec();
        TimelineId id = idOf(timeline);
        if (spec.getParent() != null) {
            return new Branch(id, spec.getParent(), branchPoint(spec.getBranchPoint()));
        }
        if (spec.getPgVersion() == null) {
            return new Root(id, cluster.postgres().defaultVersion());
        }
        PgMajorVersion major = PgMajorVersion.ofMajor(spec.getPgVersion());
        if (!cluster.postgres().versions().contains(major)) {
            throw new InvalidTenantException("spec.pgVersion: Postgres " + major + " is not served by NeonCluster "
                    + cluster.name() + ", which serves " + cluster.postgres().versions().stream()
                    .map(PgMajorVersion::toString).collect(Collectors.joining(", ")));
        }
        return new Root(id, major);
    }

    /**
     * How an existing timeline (adopted by id) differs from what the spec declares, naming the field; empty when it
     * matches. A branch point at a time is not compared: the time was resolved once, to an LSN shown in status.
     *
     * @param spec     the resource's spec
     * @param parentId the id of the parent the spec names, when that NeonTimeline exists
     */
    static Optional<String> differences(DesiredTimeline desired, NeonTimelineSpec spec, Optional<TimelineId> parentId,
                                        TimelineInfo existing) {
        String timeline = "timeline " + existing.timelineId() + " exists";
        if (desired instanceof Root root) {
            if (existing.ancestorTimelineId().isPresent()) {
                return Optional.of("spec.parent: " + timeline + " as a branch of " + existing.ancestorTimelineId().get()
                        + ", not as the root timeline this resource declares");
            }
            if (spec.getPgVersion() != null && existing.pgVersion().filter(major -> major != root.major().major()).isPresent()) {
                return Optional.of("spec.pgVersion: " + timeline + " with Postgres " + existing.pgVersion().get()
                        + ", not " + root.major());
            }
            return Optional.empty();
        }
        Branch branch = (Branch) desired;
        if (parentId.isPresent() && !existing.ancestorTimelineId().equals(parentId)) {
            return Optional.of("spec.parent: " + timeline + existing.ancestorTimelineId().map(a -> " as a branch of " + a)
                    .orElse(" as a root timeline") + ", not of NeonTimeline " + branch.parent() + " (" + parentId.get() + ")");
        }
        if (branch.point() instanceof BranchPoint.AtLsn at && !existing.ancestorLsn().equals(Optional.of(at.lsn()))) {
            return Optional.of("spec.branchPoint.lsn: " + timeline + existing.ancestorLsn().map(l -> " branched at " + l)
                    .orElse(" without a branch point") + ", not at " + at.lsn());
        }
        return Optional.empty();
    }

    private static BranchPoint branchPoint(BranchPointSpec spec) throws InvalidTenantException {
        if (spec == null || (spec.getLsn() == null && spec.getTimestamp() == null)) {
            return new BranchPoint.Latest();
        }
        try {
            return spec.getLsn() != null ? new BranchPoint.AtLsn(Lsn.parse(spec.getLsn()))
                    : new BranchPoint.AtTime(OffsetDateTime.parse(spec.getTimestamp()).toInstant());
        } catch (RuntimeException e) {
            throw new InvalidTenantException("spec.branchPoint: " + e.getMessage());
        }
    }
}

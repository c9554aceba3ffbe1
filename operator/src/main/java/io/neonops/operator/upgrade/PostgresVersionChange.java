package io.neonops.operator.upgrade;

import io.neonops.controlplane.cluster.PostgresSpec;
import io.neonops.storage.common.PgMajorVersion;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Postgres majors a spec change adds to and removes from what the cluster serves. Adding one rolls the
 * pods so that they serve it; removing one is refused while any timeline still has it as its
 * {@code pg_version}, since its pageserver could no longer serve it. {@code defaultVersion} plays no part:
 * it only applies to timelines created later, so changing it alone rolls nothing.
 *
 * @param added   majors the new spec serves and the running pods do not
 * @param removed majors the running pods serve and the new spec does not
 */
public record PostgresVersionChange(Set<PgMajorVersion> added, Set<PgMajorVersion> removed) {

    /** At most this many blocking timelines are named in a refusal; the rest are counted. */
    public static final int MAX_NAMED_TIMELINES = 5;

    private static final Comparator<TimelinePgVersion> TIMELINE_ORDER = Comparator
            .comparingInt(TimelinePgVersion::pgMajor)
            .thenComparing(TimelinePgVersion::tenantId)
            .thenComparing(TimelinePgVersion::timelineId);

    public PostgresVersionChange {
        added = Set.copyOf(added);
        removed = Set.copyOf(removed);
    }

    /**
     * @param running every major a running pod serves (the union over the pods, and {@code status.postgres.versions})
     * @param desired the new spec's {@code spec.postgres}
     */
    public static PostgresVersionChange between(Collection<PgMajorVersion> running, PostgresSpec desired) {
        Set<PgMajorVersion> added = EnumSet.noneOf(PgMajorVersion.class);
        added.addAll(desired.versions());
        added.removeAll(running);
        Set<PgMajorVersion> removed = EnumSet.noneOf(PgMajorVersion.class);
        removed.addAll(running);
        removed.removeAll(desired.versions());
        return new PostgresVersionChange(added, removed);
    }

    /** Whether the pods must be rebuilt to serve the new set of majors. */
    public boolean rollsPods() {
        return !added.isEmpty() || !removed.isEmpty();
    }

    /**
     * Decides whether the change may go ahead. Asks {@code timelines} (the pageservers, at the edge) only when
     * a major is removed, so that a reconcile that removes nothing makes no call.
     */
    public VersionDecision decide(Supplier<TimelineLookup> timelines) {
        if (removed.isEmpty()) {
            return new VersionDecision.Allowed(this);
        }
        String refusal = "spec.postgres.versions: cannot remove Postgres " + majors(removed);
        String them = removed.size() == 1 ? "it" : "them";
        TimelineLookup lookup = Objects.requireNonNull(timelines.get(), "timeline lookup");
        if (lookup instanceof TimelineLookup.Unavailable unavailable) {
            return new VersionDecision.Refused(refusal + ": could not ask the pageservers which timelines use "
                    + them + ": " + unavailable.reason(), List.of());
        }
        Set<Integer> removedMajors = removed.stream().map(PgMajorVersion::major).collect(Collectors.toSet());
        List<TimelinePgVersion> blocking = ((TimelineLookup.Answered) lookup).timelines().stream()
                .filter(t -> removedMajors.contains(t.pgMajor()))
                .sorted(TIMELINE_ORDER)
                .toList();
        if (blocking.isEmpty()) {
            return new VersionDecision.Allowed(this);
        }
        return new VersionDecision.Refused(refusal + " while " + blocking.size() + " timeline"
                + (blocking.size() == 1 ? " uses " : "s use ") + them + ": " + named(blocking), blocking);
    }

    private static String majors(Set<PgMajorVersion> majors) {
        return majors.stream().sorted().map(PgMajorVersion::toString).collect(Collectors.joining(", "));
    }

    /** Sorted, so that the message, and with it the status, stays the same from one reconcile to the next. */
    private static String named(List<TimelinePgVersion> blocking) {
        String named = blocking.stream().limit(MAX_NAMED_TIMELINES)
                .map(t -> "tenant " + t.tenantId() + " timeline " + t.timelineId() + " (Postgres " + t.pgMajor() + ")")
                .collect(Collectors.joining(", "));
        int more = blocking.size() - MAX_NAMED_TIMELINES;
        return more > 0 ? named + " and " + more + " more" : named;
    }
}

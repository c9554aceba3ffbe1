package io.neonops.operator.upgrade;

import java.util.List;
import java.util.Objects;

/** Whether a change of {@code spec.postgres.versions} may go ahead. */
public sealed interface VersionDecision {

    /** It may; the pods roll when {@link PostgresVersionChange#rollsPods()} says so. */
    record Allowed(PostgresVersionChange change) implements VersionDecision {
        public Allowed {
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * It may not: everything keeps running as it is, and status and an Event say why.
     *
     * @param message  one line naming the field and the removed majors, and the blocking timelines or why
     *                 the pageservers could not be asked
     * @param blocking every timeline that still uses a removed major; empty when the pageservers could not be asked
     */
    record Refused(String message, List<TimelinePgVersion> blocking) implements VersionDecision {
        public Refused {
            Objects.requireNonNull(message, "message");
            blocking = List.copyOf(blocking);
        }
    }
}

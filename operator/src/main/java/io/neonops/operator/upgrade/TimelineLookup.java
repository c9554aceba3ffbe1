package io.neonops.operator.upgrade;

import java.util.List;
import java.util.Objects;

/** The answer to "which timelines do the cluster's pageservers hold": all of them, or why it could not be had. */
public sealed interface TimelineLookup {

    /** Every timeline of every tenant on every pageserver of the cluster. */
    record Answered(List<TimelinePgVersion> timelines) implements TimelineLookup {
        public Answered {
            timelines = List.copyOf(timelines);
        }
    }

    /** At least one pageserver could not be asked; a partial answer would be no answer. */
    record Unavailable(String reason) implements TimelineLookup {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

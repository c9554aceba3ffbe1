package io.neonops.operator.tenant;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.neonops.operator.reconcile.ClusterEvents;
import io.neonops.operator.status.ClusterConditions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Events of the NeonTenant and NeonTimeline reconcilers: one per change made in Neon, and one Warning when the
 * Ready condition turns False for a reason (or with a message) it did not have before, so that a condition that
 * stays the same from pass to pass records nothing more.
 */
public record TenancyEvents(ClusterEvents events) {

    public TenancyEvents {
        Objects.requireNonNull(events, "events");
    }

    /** A change made in Neon, e.g. reason {@code TenantCreated}, action {@code Create}. */
    public void changed(HasMetadata resource, String reason, String action, String note) {
        events.record(resource, ClusterEvents.Type.Normal, reason, action, note, null);
    }

    /** A Warning when {@code after}'s Ready condition is False and differs from {@code before}'s. */
    public void readiness(HasMetadata resource, List<Condition> before, List<Condition> after) {
        Optional<Condition> now = ClusterConditions.find(after, ClusterConditions.READY)
                .filter(c -> ClusterConditions.FALSE.equals(c.getStatus()));
        Optional<Condition> was = ClusterConditions.find(before, ClusterConditions.READY);
        if (now.isPresent() && !(was.isPresent() && ClusterConditions.FALSE.equals(was.get().getStatus())
                && Objects.equals(was.get().getReason(), now.get().getReason())
                && Objects.equals(was.get().getMessage(), now.get().getMessage()))) {
            events.record(resource, ClusterEvents.Type.Warning, now.get().getReason(), "Wait", now.get().getMessage(), null);
        }
    }
}

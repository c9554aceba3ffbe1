package io.neonops.operator.etcd;

import io.neonops.controlplane.etcd.MemberAddition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What became of the next etcd member in this pass, and so which etcd pods must not be created yet. */
public sealed interface JoinOutcome {

    NextMember next();

    /** The pods whose creation waits for a later pass. */
    default List<String> podsToHold() {
        List<String> held = new ArrayList<>();
        if (!(this instanceof Create)) {
            held.add(next().pod());
        }
        held.addAll(next().later());
        return List.copyOf(held);
    }

    /** The cluster knows the member now (added in this pass, or earlier): its pod may start. */
    record Create(NextMember next, MemberAddition addition) implements JoinOutcome {
    }

    /**
     * The cluster cannot take the member yet; a later pass adds it.
     *
     * @param reason    why, for the status
     * @param recheckAt when to look again if no pod changes before then
     */
    record Hold(NextMember next, String reason, Optional<Instant> recheckAt) implements JoinOutcome {
    }

    /** Asking etcd failed; {@code message} is one line naming the member and the etcd endpoint. */
    record Failed(NextMember next, String message) implements JoinOutcome {
    }
}

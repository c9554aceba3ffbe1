package io.neonops.operator.etcd;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why the running etcd cluster cannot take one more member yet: a member before the new one has no pod or is not
 * Ready, so that adding now could cost the quorum; or it only just became Ready, and etcd refuses membership
 * changes ("unhealthy cluster") until every member has been connected for {@link EtcdGrowth#SETTLE}.
 *
 * @param pod       the member waited for
 * @param settledAt when the member will have been Ready long enough; empty while it is not Ready
 */
public record AddWait(String pod, Optional<Instant> settledAt) {

    public AddWait {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(settledAt, "settledAt");
    }

    /** Why member {@code joining} waits, for the status. */
    public String reason(String joining) {
        return "etcd member " + joining + " joins once " + pod
                + (settledAt.isPresent() ? " has been Ready for " + EtcdGrowth.SETTLE.toSeconds() + "s" : " is Ready");
    }
}

package io.neonops.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this replica may reconcile. Without leader election it always may; with it, only while it holds the
 * Lease. Losing the Lease other than by stopping is fatal: the replica must stop before the next holder starts.
 */
final class Leadership {

    /** 1 while this replica reconciles, 0 while it waits for the Lease (Prometheus: {@code neon_operator_leader}). */
    static final String LEADER_GAUGE = "neon.operator.leader";

    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    private final Optional<LeaderElection> election;
    private final Consumer<String> onLost;
    private volatile boolean leading;
    /** Whether this process ever held the Lease; its identity is its own, so no other Lease can name it. */
    private volatile boolean acquired;
    private volatile boolean stopping;
    private volatile String holder;

    /**
     * @param onLost told, once, why this replica must stop reconciling at once
     */
    Leadership(Optional<LeaderElection> election, MeterRegistry registry, Consumer<String> onLost) {
        this.election = election;
        this.onLost = onLost;
        this.leading = election.isEmpty();
        Gauge.builder(LEADER_GAUGE, this, l -> l.isLeader() ? 1 : 0)
                .description("1 while this replica reconciles, 0 while it waits for the leader-election Lease")
                .register(registry);
    }

    boolean isLeader() {
        return leading;
    }

    /** One line for /readyz and the logs. */
    String describe() {
        if (election.isEmpty()) {
            return "reconciling (leader election off)";
        }
        if (leading) {
            return "reconciling: holds " + election.get().describeLease();
        }
        return "standby: waiting for " + election.get().describeLease()
                + (holder == null || holder.isBlank() ? "" : ", held by " + holder);
    }

    /** What the SDK's leader elector calls. */
    LeaderCallbacks callbacks() {
        return new LeaderCallbacks(this::started, this::stopped, newHolder -> holder = newHolder);
    }

    /** From now on, losing the Lease is expected. */
    void stopping() {
        stopping = true;
    }

    /**
     * Hands the Lease over at once instead of letting it expire, as client-go's leader elector does on release:
     * an empty holder (not a missing one, which a merge patch would leave unchanged) and a one-second duration.
     * Only after the SDK has stopped, so that no reconcile runs.
     */
    void release(KubernetesClient client) {
        if (election.isEmpty() || !acquired) {
            return;
        }
        LeaderElection lease = election.get();
        LeaseLock lock = new LeaseLock(lease.leaseNamespace(), lease.leaseName(), lease.identity());
        try {
            LeaderElectionRecord current = lock.get(client);
            if (current == null || !lease.identity().equals(current.getHolderIdentity())) {
                return;
            }
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            lock.update(client, new LeaderElectionRecord("", Duration.ofSeconds(1), now, now,
                    current.getLeaderTransitions()));
            LOG.info("released {}", lease.describeLease());
        } catch (KubernetesClientException e) {
            // the Lease then expires by itself; the next leader waits for that
            LOG.warn("could not release {}: {}", lease.describeLease(), e.getMessage());
        } finally {
            leading = false;
        }
    }

    private void started() {
        acquired = true;
        leading = true;
        LOG.info("{}", describe());
    }

    private void stopped() {
        leading = false;
        if (!stopping) {
            onLost.accept("lost the leader-election " + election.map(LeaderElection::describeLease).orElse("Lease")
                    + "; stopping so that only the new holder reconciles");
        }
    }
}

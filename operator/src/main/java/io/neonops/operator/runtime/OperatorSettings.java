package io.neonops.operator.runtime;

import io.neonops.operator.reconcile.ReconcileSettings;
import io.neonops.operator.tenant.TenantSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the operator runs.
 *
 * @param namespaces     the namespaces to watch; empty means all
 * @param reconcile      how clusters are written
 * @param resyncInterval how often every cluster is reconciled even when nothing happened
 * @param leaderElection the Lease to hold while reconciling; empty: reconcile at once, alone
 * @param tenantRefresh  how often NeonTenant and NeonTimeline statuses are read from Neon again
 */
public record OperatorSettings(Set<String> namespaces, ReconcileSettings reconcile, Duration resyncInterval,
                               Optional<LeaderElection> leaderElection, Duration tenantRefresh) {

    public static final Duration DEFAULT_RESYNC_INTERVAL = Duration.ofMinutes(10);

    public OperatorSettings {
        namespaces = Set.copyOf(namespaces);
        Objects.requireNonNull(reconcile, "reconcile");
        Objects.requireNonNull(resyncInterval, "resyncInterval");
        Objects.requireNonNull(leaderElection, "leaderElection");
        Objects.requireNonNull(tenantRefresh, "tenantRefresh");
    }

    /** With tenants and timelines refreshed every {@link TenantSettings#DEFAULT_REFRESH}. */
    public OperatorSettings(Set<String> namespaces, ReconcileSettings reconcile, Duration resyncInterval,
                            Optional<LeaderElection> leaderElection) {
        this(namespaces, reconcile, resyncInterval, leaderElection, TenantSettings.DEFAULT_REFRESH);
    }

    public OperatorSettings withTenantRefresh(Duration refresh) {
        return new OperatorSettings(namespaces, reconcile, resyncInterval, leaderElection, refresh);
    }

    /** Without leader election. */
    public OperatorSettings(Set<String> namespaces, ReconcileSettings reconcile, Duration resyncInterval) {
        this(namespaces, reconcile, resyncInterval, Optional.empty());
    }
}

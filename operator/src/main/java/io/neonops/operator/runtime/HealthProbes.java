package io.neonops.operator.runtime;

/** What /healthz and /readyz report. */
public interface HealthProbes {

    /** Whether the process works; a failing liveness probe makes the kubelet restart the container. */
    Probe liveness();

    /** Whether the replica is ready to take over; it need not hold the leader-election Lease. */
    Probe readiness();
}

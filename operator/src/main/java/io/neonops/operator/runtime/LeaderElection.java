package io.neonops.operator.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The Lease that one replica holds while it reconciles; the others keep their caches warm and wait for it.
 *
 * @param leaseNamespace where the Lease lives
 * @param leaseName      the Lease's name, one per operator installation
 * @param identity       this process, as the Lease's holder; unique per process so that a restarted container
 *                       never mistakes the lease of its predecessor for its own
 */
public record LeaderElection(String leaseNamespace, String leaseName, String identity) {

    /** Set by the chart from the downward API: the namespace the operator's pod runs in. */
    public static final String POD_NAMESPACE = "POD_NAMESPACE";
    public static final String DEFAULT_LEASE_NAME = "neon-operator";

    public LeaderElection {
        Objects.requireNonNull(leaseNamespace, "leaseNamespace");
        Objects.requireNonNull(leaseName, "leaseName");
        Objects.requireNonNull(identity, "identity");
    }

    /**
     * @param namespace the namespace given on the command line, if any
     * @param env       the process environment, for POD_NAMESPACE and HOSTNAME
     * @throws OperatorStartException when neither the command line nor POD_NAMESPACE names the lease's namespace
     */
    public static LeaderElection resolve(Optional<String> namespace, String leaseName, Map<String, String> env)
            throws OperatorStartException {
        String leaseNamespace = namespace.filter(n -> !n.isBlank())
                .or(() -> Optional.ofNullable(env.get(POD_NAMESPACE)).filter(n -> !n.isBlank()))
                .orElseThrow(() -> new OperatorStartException("leader election needs the namespace of its Lease: "
                        + "set --leader-election-namespace or the " + POD_NAMESPACE
                        + " environment variable, or turn it off with --leader-election=false"));
        if (leaseName.isBlank()) {
            throw new OperatorStartException("--leader-election-lease-name: must not be empty");
        }
        String host = Optional.ofNullable(env.get("HOSTNAME")).filter(h -> !h.isBlank()).orElse("neon-operator");
        return new LeaderElection(leaseNamespace, leaseName, host + "_" + UUID.randomUUID());
    }

    public String describeLease() {
        return "Lease " + leaseNamespace + "/" + leaseName;
    }
}

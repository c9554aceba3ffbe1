package io.neonops.operator.etcd;

import io.neonops.controlplane.etcd.EtcdException;
import io.neonops.controlplane.etcd.EtcdMember;
import io.neonops.controlplane.etcd.EtcdMembershipClient;
import io.neonops.controlplane.etcd.MemberAddition;
import io.fabric8.kubernetes.api.model.Pod;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.resources.KubernetesEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The membership change that must precede the pod of a joining etcd member: {@code member add} on the running
 * cluster once nothing holds it back. A member the cluster already knows (its pod was lost, or an earlier pass added it
 * and then stopped) gets its pod back even while others are not Ready, because it may be what the quorum waits for.
 */
public final class EtcdMemberJoiner {

    /** How soon to ask etcd again after it failed: most refusals last no longer than etcd's health interval. */
    public static final Duration RETRY_AFTER = EtcdGrowth.SETTLE;

    private final EtcdConnector connector;
    private final String clusterDomain;

    public EtcdMemberJoiner(EtcdConnector connector, String clusterDomain) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.clusterDomain = Objects.requireNonNull(clusterDomain, "clusterDomain");
    }

    /**
     * The membership step for the next joining member ({@link EtcdGrowth}); empty when no member is joining.
     *
     * @param observedPods the cluster's pods by name
     */
    public Optional<JoinOutcome> prepare(ClusterResources desired, Map<String, Pod> observedPods, Instant now) {
        return EtcdGrowth.next(desired, new KubernetesEnvironment(desired.cluster(), clusterDomain), observedPods, now)
                .map(this::prepare);
    }

    JoinOutcome prepare(NextMember next) {
        try {
            EtcdMembershipClient client = connector.connect(next.clientUrls());
            if (next.waitsFor().isEmpty()) {
                return new JoinOutcome.Create(next, client.ensureMember(next.peerUrl()));
            }
            Optional<EtcdMember> known = client.members().stream()
                    .filter(m -> m.peerUrls().contains(next.peerUrl()))
                    .findFirst();
            if (known.isPresent()) {
                return new JoinOutcome.Create(next, new MemberAddition.AlreadyMember(known.get()));
            }
            return hold(next);
        } catch (EtcdException e) {
            if (next.waitsFor().isPresent()) {
                // it would wait anyway, and the members that do not answer may be the ones it waits for (lost pods)
                return hold(next);
            }
            return new JoinOutcome.Failed(next, "adding etcd member " + next.pod() + " (" + next.peerUrl() + ") failed: "
                    + e.getMessage());
        }
    }

    private static JoinOutcome hold(NextMember next) {
        AddWait wait = next.waitsFor().orElseThrow();
        return new JoinOutcome.Hold(next, wait.reason(next.pod()), wait.settledAt());
    }
}

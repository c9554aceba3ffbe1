package io.neonops.operator.storcon;

import io.neonops.controller.api.NodeAvailability;
import io.neonops.controller.api.PageserverNode;
import io.neonops.controller.api.RegisteredSafekeeper;
import io.neonops.storage.common.NodeId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cluster's storage controller as one reconcile saw it: its pageserver nodes ({@code GET /control/v1/node}) and
 * registered safekeepers ({@code GET /control/v1/safekeeper}), listed once per reconcile and shared by the roll, the
 * status and the safekeeper registration; or why it could not be listed. Tests build it with {@link #listed}.
 */
public sealed interface ObservedStorageController {

    /** A 2022 (etcd) cluster: it has no storage controller. */
    record NotRun() implements ObservedStorageController {
    }

    /** The storage controller's pod is not Ready: nothing was asked. */
    record NotReady(String reason) implements ObservedStorageController {
        public NotReady {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** With {@code spec.auth}, the operator holds no token the storage controller would take: nothing was asked. */
    record NoToken(String reason) implements ObservedStorageController {
        public NoToken {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Its pod is Ready, yet it did not answer the listing, or refused it; {@code reason} names the call and answer. */
    record Unreachable(String reason) implements ObservedStorageController {
        public Unreachable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** What it listed, each list ordered by node id. */
    record Listed(List<PageserverNode> pageservers, List<RegisteredSafekeeper> safekeepers)
            implements ObservedStorageController {
        public Listed {
            pageservers = pageservers.stream().sorted(Comparator.comparingLong(n -> n.id().value())).toList();
            safekeepers = safekeepers.stream().sorted(Comparator.comparingLong(s -> s.id().value())).toList();
        }
    }

    static ObservedStorageController listed(List<PageserverNode> pageservers, List<RegisteredSafekeeper> safekeepers) {
        return new Listed(pageservers, safekeepers);
    }

    /** The pageserver node {@code id} as listed; empty when it is not registered or nothing was listed. */
    default Optional<PageserverNode> node(NodeId id) {
        return this instanceof Listed listed
                ? listed.pageservers().stream().filter(n -> n.id().equals(id)).findFirst()
                : Optional.empty();
    }

    /** The registered safekeeper {@code id}; empty when it is not registered or nothing was listed. */
    default Optional<RegisteredSafekeeper> safekeeper(NodeId id) {
        return this instanceof Listed listed
                ? listed.safekeepers().stream().filter(s -> s.id().equals(id)).findFirst()
                : Optional.empty();
    }

    /** Whether pageserver {@code id} is registered and its heartbeats succeed: {@code Active} availability. */
    default boolean active(NodeId id) {
        return node(id).filter(n -> n.availability() == NodeAvailability.ACTIVE).isPresent();
    }

    /**
     * Whether pageserver {@code id}, its pod Ready, serves as far as the storage controller tells: once listed, only
     * when {@link #active Active}. While it cannot be listed the pod's readiness stands: a restart of the storage
     * controller must not make every pageserver look down, which would halt a roll that is only waiting for it.
     */
    default boolean admits(NodeId id) {
        return !isListed() || active(id);
    }

    /** Whether the nodes were listed, so that a missing node is known to be unregistered rather than unknown. */
    default boolean isListed() {
        return this instanceof Listed;
    }
}

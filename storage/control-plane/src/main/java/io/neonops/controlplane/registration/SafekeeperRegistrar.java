package io.neonops.controlplane.registration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.neonops.controller.api.RegisteredSafekeeper;
import io.neonops.controller.api.SafekeeperSchedulingPolicy;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.NeonApiException;

/**
 * Registers safekeepers with the storage controller, which they never do themselves, as neon_local does: the
 * upsert, then scheduling policy {@code Active} at once rather than after the first heartbeat, so that timelines can
 * be placed on them right away. Idempotent: a safekeeper registered as wanted and Active is left alone, one the
 * storage controller lost (or knows with other ports) is registered again. It reads the list once (or takes the
 * caller's), so that a pass with everything registered makes one GET, or none, and no POST. One safekeeper's failure
 * does not keep the others from being registered; the report says which are.
 */
public final class SafekeeperRegistrar {
    private final StorageControllerClient client;

    public SafekeeperRegistrar(StorageControllerClient client) {
        this.client = client;
    }

    /**
     * Lists the safekeepers the storage controller knows, then registers those that differ.
     *
     * @throws IllegalArgumentException when two safekeepers share an id or a zone (a timeline needs distinct zones)
     */
    public SafekeeperRegistrationReport register(List<SafekeeperEndpoint> safekeepers) {
        requireDistinct(safekeepers);
        List<RegisteredSafekeeper> known;
        try {
            known = client.listSafekeepers();
        } catch (NeonApiException e) {
            return SafekeeperRegistrationReport.allFailed(safekeepers.stream().map(SafekeeperEndpoint::id).toList(),
                    e.getMessage());
        }
        return register(safekeepers, known);
    }

    /**
     * Registers those of {@code safekeepers} that differ from {@code known}, the storage controller's list as the
     * caller just read it (the operator lists it once per reconcile, for its status too).
     *
     * @throws IllegalArgumentException when two safekeepers share an id or a zone (a timeline needs distinct zones)
     */
    public SafekeeperRegistrationReport register(List<SafekeeperEndpoint> safekeepers, List<RegisteredSafekeeper> known) {
        requireDistinct(safekeepers);
        Map<NodeId, RegisteredSafekeeper> byId = known.stream()
                .collect(Collectors.toMap(RegisteredSafekeeper::id, Function.identity(), (a, b) -> b));
        List<SafekeeperRegistrationReport.Outcome> outcomes = new ArrayList<>();
        for (SafekeeperEndpoint safekeeper : safekeepers) {
            outcomes.add(registerOne(safekeeper, Optional.ofNullable(byId.get(safekeeper.id()))));
        }
        return new SafekeeperRegistrationReport(outcomes);
    }

    /** Whether the storage controller knows {@code safekeeper} as it would be registered, and Active: nothing to send. */
    public static boolean asWanted(SafekeeperEndpoint safekeeper, RegisteredSafekeeper known) {
        return known.registration().equals(safekeeper.registration())
                && known.schedulingPolicy() == SafekeeperSchedulingPolicy.ACTIVE;
    }

    private SafekeeperRegistrationReport.Outcome registerOne(SafekeeperEndpoint safekeeper, Optional<RegisteredSafekeeper> known) {
        try {
            boolean sameRecord = known.filter(k -> k.registration().equals(safekeeper.registration())).isPresent();
            boolean active = known.filter(k -> k.schedulingPolicy() == SafekeeperSchedulingPolicy.ACTIVE).isPresent();
            if (known.filter(k -> asWanted(safekeeper, k)).isPresent()) {
                return new SafekeeperRegistrationReport.Outcome.AlreadyRegistered(safekeeper.id());
            }
            if (!sameRecord) {
                client.registerSafekeeper(safekeeper.registration());
            }
            if (!active) {
                client.setSafekeeperSchedulingPolicy(safekeeper.id(), SafekeeperSchedulingPolicy.ACTIVE);
            }
            return new SafekeeperRegistrationReport.Outcome.Registered(safekeeper.id());
        } catch (NeonApiException e) {
            return new SafekeeperRegistrationReport.Outcome.Failed(safekeeper.id(), e.getMessage());
        }
    }

    private static void requireDistinct(List<SafekeeperEndpoint> safekeepers) {
        Set<Long> ids = new HashSet<>();
        Set<String> zones = new HashSet<>();
        for (SafekeeperEndpoint safekeeper : safekeepers) {
            if (!ids.add(safekeeper.id().value())) {
                throw new IllegalArgumentException("safekeeper " + safekeeper.id() + " is listed twice");
            }
            if (!zones.add(safekeeper.availabilityZone())) {
                throw new IllegalArgumentException("safekeeper " + safekeeper.id() + " shares availability zone '"
                        + safekeeper.availabilityZone() + "' with another: new timelines need safekeepers in distinct zones");
            }
        }
    }
}

package io.neonops.operator.storcon;

import io.fabric8.kubernetes.api.model.Pod;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.Environment;
import io.neonops.controlplane.component.NodePort;
import io.neonops.controlplane.component.SafekeeperNodeSpec;
import io.neonops.controlplane.registration.SafekeeperEndpoint;
import io.neonops.controlplane.registration.SafekeeperRegistrar;
import io.neonops.controlplane.registration.SafekeeperRegistrationReport;
import io.neonops.operator.resources.ResourceNames;
import io.neonops.operator.status.NodeHealth;
import io.neonops.storage.common.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers a cluster's Ready safekeepers with its storage controller once that is Ready, since safekeepers never
 * register themselves. Each safekeeper registers at its stable per-pod DNS name, in the zone of its own that its
 * command line names ({@link SafekeeperNodeSpec#availabilityZone}). It compares with the reconcile's one listing of
 * the storage controller ({@link ObservedStorageController}), so a pass with everything registered sends no POST, and
 * one that lost its database gets them back.
 */
public final class SafekeeperRegistrations {

    /** Free-form for the storage controller; one Kubernetes cluster is one region. */
    public static final String REGION = "kubernetes";

    private SafekeeperRegistrations() {
    }

    /** What a pass came to. */
    public sealed interface Result {

        /** The cluster has no storage controller: nothing to register. */
        record NotNeeded() implements Result {
        }

        /** The storage controller is not Ready yet; nothing was asked. */
        record AwaitingStorageController(String message) implements Result {
        }

        /** With {@code spec.auth}, the operator holds no token the storage controller would take; nothing was asked. */
        record NoToken(String message) implements Result {
        }

        /**
         * The storage controller was asked.
         *
         * @param report     what registering the Ready safekeepers came to
         * @param registered the safekeepers the storage controller now knows as wanted, Ready or not
         * @param total      the safekeepers the spec wants, Ready or not
         */
        record Attempted(SafekeeperRegistrationReport report, int registered, int total) implements Result {

            public boolean complete() {
                return report.complete() && report.outcomes().size() == total;
            }

            public String message() {
                return registered + "/" + total + " safekeepers registered with the storage controller"
                        + report.failures();
            }
        }
    }

    /** Registers the Ready safekeepers that {@code observation} does not list as wanted. */
    public static Result register(ClusterSpec cluster, Environment env, Map<String, Pod> podsByName,
                                  StorageControllerObserver.Observation observation) {
        Component sk = Component.SAFEKEEPER;
        int total = sk.replicas(cluster);
        List<SafekeeperEndpoint> ready = new ArrayList<>();
        List<SafekeeperEndpoint> notReady = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Pod pod = podsByName.get(ResourceNames.pod(cluster, sk, i));
            (pod != null && NodeHealth.isReady(pod) ? ready : notReady).add(endpoint(cluster, env, i));
        }
        ObservedStorageController controller = observation.controller();
        if (controller instanceof ObservedStorageController.Listed listed) {
            SafekeeperRegistrar registrar = new SafekeeperRegistrar(observation.client().orElseThrow());
            SafekeeperRegistrationReport report = registrar.register(ready, listed.safekeepers());
            // one not Ready is left alone, and counts if the storage controller knows it as it would be registered
            long knownNotReady = notReady.stream().filter(s -> listed.safekeeper(s.id())
                    .filter(known -> SafekeeperRegistrar.asWanted(s, known)).isPresent()).count();
            return new Result.Attempted(report, report.registered().size() + (int) knownNotReady, total);
        }
        if (controller instanceof ObservedStorageController.Unreachable unreachable) {
            return new Result.Attempted(SafekeeperRegistrationReport.allFailed(
                    ready.stream().map(SafekeeperEndpoint::id).toList(), unreachable.reason()), 0, total);
        }
        if (controller instanceof ObservedStorageController.NoToken noToken) {
            return new Result.NoToken("safekeepers cannot be registered with the storage controller: " + noToken.reason());
        }
        if (controller instanceof ObservedStorageController.NotReady) {
            return new Result.AwaitingStorageController("safekeepers are registered once the storage controller is Ready");
        }
        return new Result.NotNeeded();
    }

    /** Safekeeper {@code index} as the storage controller must know it, in the zone its command line names. */
    static SafekeeperEndpoint endpoint(ClusterSpec cluster, Environment env, int index) {
        Component sk = Component.SAFEKEEPER;
        return new SafekeeperEndpoint(NodeId.of(index + 1L), REGION, env.advertisedHost(sk, index),
                env.port(sk, index, NodePort.SAFEKEEPER_PG), env.port(sk, index, NodePort.SAFEKEEPER_HTTP),
                SafekeeperNodeSpec.availabilityZone(cluster, index));
    }
}

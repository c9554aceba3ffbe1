package io.neonops.operator.storcon;

import io.fabric8.kubernetes.api.model.Pod;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.Environment;
import io.neonops.controlplane.component.NodePort;
import io.neonops.controlplane.registration.SafekeeperEndpoint;
import io.neonops.controlplane.registration.SafekeeperRegistrar;
import io.neonops.controlplane.registration.SafekeeperRegistrationReport;
import io.neonops.operator.pageserver.PageserverApiToken;
import io.neonops.operator.resources.ResourceNames;
import io.neonops.operator.status.NodeHealth;
import io.neonops.storage.common.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Registers a cluster's Ready safekeepers with its storage controller once that is Ready, since safekeepers never
 * register themselves. Each safekeeper registers at its stable per-pod DNS name, in a zone of its own (a new timeline
 * needs safekeepers in distinct zones). The registrar reads the storage controller's list first, so a pass with
 * everything registered sends no POST, and one that lost its database gets them back.
 */
public final class SafekeeperRegistrations {

    /** Free-form for the storage controller; one Kubernetes cluster is one region. */
    public static final String REGION = "kubernetes";

    private final StorageControllerConnector connector;

    public SafekeeperRegistrations(StorageControllerConnector connector) {
        this.connector = Objects.requireNonNull(connector, "connector");
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
         * @param total the safekeepers the spec wants, Ready or not
         */
        record Attempted(SafekeeperRegistrationReport report, int total) implements Result {

            public boolean complete() {
                return report.complete() && report.outcomes().size() == total;
            }

            public String message() {
                return report.registered().size() + "/" + total + " safekeepers registered with the storage controller"
                        + report.failures();
            }
        }
    }

    /** @param tokens the admin token for a cluster's storage controller, read only once it is Ready */
    public Result register(ClusterSpec cluster, Environment env, Map<String, Pod> podsByName,
                           Function<ClusterSpec, PageserverApiToken> tokens) {
        if (cluster.storageController().isEmpty()) {
            return new Result.NotNeeded();
        }
        int controllers = Component.STORAGE_CONTROLLER.replicas(cluster);
        boolean controllerReady = false;
        for (int i = 0; i < controllers; i++) {
            Pod pod = podsByName.get(ResourceNames.pod(cluster, Component.STORAGE_CONTROLLER, i));
            controllerReady |= pod != null && NodeHealth.isReady(pod);
        }
        if (!controllerReady) {
            return new Result.AwaitingStorageController("safekeepers are registered once the storage controller is Ready");
        }
        Component sk = Component.SAFEKEEPER;
        int total = sk.replicas(cluster);
        List<SafekeeperEndpoint> ready = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Pod pod = podsByName.get(ResourceNames.pod(cluster, sk, i));
            if (pod != null && NodeHealth.isReady(pod)) {
                long id = i + 1L;
                // the zone the safekeeper reports, made unique per safekeeper: a timeline needs three distinct zones
                ready.add(new SafekeeperEndpoint(NodeId.of(id), REGION,
                        env.advertisedHost(sk, i), env.port(sk, i, NodePort.SAFEKEEPER_PG),
                        env.port(sk, i, NodePort.SAFEKEEPER_HTTP), cluster.pageserver().availabilityZone() + "-sk-" + id));
            }
        }
        PageserverApiToken token = tokens.apply(cluster);
        if (token instanceof PageserverApiToken.Unavailable unavailable) {
            return new Result.NoToken("safekeepers cannot be registered with the storage controller: "
                    + unavailable.reason());
        }
        SafekeeperRegistrar registrar = new SafekeeperRegistrar(connector.connect(
                StorageControllerAddress.settings(cluster, env, token)));
        return new Result.Attempted(registrar.register(ready), total);
    }
}

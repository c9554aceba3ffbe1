package io.neonops.operator.storcon;

import io.fabric8.kubernetes.api.model.Pod;
import io.neonops.controller.api.PageserverNode;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.Environment;
import io.neonops.operator.pageserver.PageserverApiToken;
import io.neonops.operator.resources.ResourceNames;
import io.neonops.operator.status.NodeHealth;
import io.neonops.storage.common.api.NeonApiException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lists a cluster's storage controller once per reconcile, at its Service, once one of its pods is Ready (before that
 * it answers nothing useful), presenting the admin token when {@code spec.auth} asks for one.
 */
public final class StorageControllerObserver {

    private final StorageControllerConnector connector;

    public StorageControllerObserver(StorageControllerConnector connector) {
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    /**
     * What was observed, and the client that observed it, for the writes that follow in the same reconcile (the
     * safekeeper registration).
     *
     * @param client present exactly when {@code controller} is {@link ObservedStorageController.Listed}
     */
    public record Observation(ObservedStorageController controller, Optional<StorageControllerClient> client) {

        public Observation {
            Objects.requireNonNull(controller, "controller");
            Objects.requireNonNull(client, "client");
            if (controller.isListed() != client.isPresent()) {
                throw new IllegalArgumentException("a client comes exactly with a listed storage controller");
            }
        }

        static Observation without(ObservedStorageController controller) {
            return new Observation(controller, Optional.empty());
        }
    }

    /** @param tokens the admin token for a cluster's storage controller, read only once it is Ready */
    public Observation observe(ClusterSpec cluster, Environment env, Map<String, Pod> podsByName,
                               Function<ClusterSpec, PageserverApiToken> tokens) {
        if (cluster.storageController().isEmpty()) {
            return Observation.without(new ObservedStorageController.NotRun());
        }
        Component controller = Component.STORAGE_CONTROLLER;
        boolean ready = false;
        for (int i = 0; i < controller.replicas(cluster); i++) {
            Pod pod = podsByName.get(ResourceNames.pod(cluster, controller, i));
            ready |= pod != null && NodeHealth.isReady(pod);
        }
        if (!ready) {
            return Observation.without(new ObservedStorageController.NotReady("the storage controller is not Ready"));
        }
        PageserverApiToken token = tokens.apply(cluster);
        if (token instanceof PageserverApiToken.Unavailable unavailable) {
            return Observation.without(new ObservedStorageController.NoToken(unavailable.reason()));
        }
        StorageControllerClient client = connector.connect(StorageControllerAddress.settings(cluster, env, token));
        try {
            List<PageserverNode> nodes = client.listNodes();
            return new Observation(ObservedStorageController.listed(nodes, client.listSafekeepers()), Optional.of(client));
        } catch (NeonApiException e) {
            return Observation.without(new ObservedStorageController.Unreachable(e.getMessage()));
        }
    }
}

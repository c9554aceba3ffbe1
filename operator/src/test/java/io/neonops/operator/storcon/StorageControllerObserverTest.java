package io.neonops.operator.storcon;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.neonops.controller.api.NodeAvailability;
import io.neonops.controller.api.NodeRegisterRequest;
import io.neonops.controller.api.NodeSchedulingPolicy;
import io.neonops.controller.api.PageserverMetadata;
import io.neonops.controller.api.PageserverNode;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controller.api.testing.FakePageserverUpcalls;
import io.neonops.controller.api.testing.FakeStorageController;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.operator.pageserver.PageserverApiToken;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.testing.SpecFixtures;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.ApiClientSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StorageControllerObserverTest {

    private static final ClusterSpec MODERN = SpecFixtures.spec(SpecFixtures.MODERN);
    private static final KubernetesEnvironment ENV = new KubernetesEnvironment(MODERN,
            KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN);
    private static final Function<ClusterSpec, PageserverApiToken> NO_TOKEN_NEEDED =
            c -> new PageserverApiToken.NotNeeded();

    private final FakeStorageController fake = FakeStorageController.start();
    private final StorageControllerObserver observer = new StorageControllerObserver(settings -> new StorageControllerClient(
            settings.bearerToken().map(ApiClientSettings.of(fake.baseUri())::withBearerToken)
                    .orElse(ApiClientSettings.of(fake.baseUri()))));

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aClusterOfThe2022TopologyHasNoStorageControllerToAsk() {
        StorageControllerObserver.Observation observation = observer.observe(SpecFixtures.spec(""),
                new KubernetesEnvironment(SpecFixtures.spec(""), KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN), Map.of(),
                NO_TOKEN_NEEDED);

        assertThat(observation.controller()).isInstanceOf(ObservedStorageController.NotRun.class);
        assertThat(observation.client()).isEmpty();
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void nothingIsAskedBeforeTheStorageControllersPodIsReady() {
        StorageControllerObserver.Observation observation = observer.observe(MODERN, ENV,
                Map.of("demo-storage-controller-0", pod("demo-storage-controller-0", false)), NO_TOKEN_NEEDED);

        assertThat(observation.controller()).isEqualTo(
                new ObservedStorageController.NotReady("the storage controller is not Ready"));
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void onceReadyItsNodesAndSafekeepersAreListedOnceWithAvailabilityAndSchedulingPolicy() {
        new FakePageserverUpcalls(fake.upcallApi(), Optional.empty()).reAttach(NodeId.of(1),
                Optional.of(PageserverMetadata.of("ps-0", 6400, 9898, "zone-1")), Optional.empty(), true);

        StorageControllerObserver.Observation observation = observer.observe(MODERN, ENV, readyController(),
                NO_TOKEN_NEEDED);

        assertThat(fake.calls()).containsExactly("POST /upcall/v1/re-attach", "GET /control/v1/node",
                "GET /control/v1/safekeeper");
        ObservedStorageController controller = observation.controller();
        assertThat(controller.isListed()).isTrue();
        PageserverNode node = controller.node(NodeId.of(1)).orElseThrow();
        assertThat(node.availability()).isEqualTo(NodeAvailability.ACTIVE);
        assertThat(node.scheduling()).isEqualTo(NodeSchedulingPolicy.ACTIVE);
        assertThat(controller.active(NodeId.of(1))).isTrue();
        assertThat(controller.node(NodeId.of(2))).isEmpty();
        assertThat(controller.admits(NodeId.of(2))).isFalse();
        assertThat(observation.client()).isPresent();
    }

    @Test
    void aStorageControllerThatRefusesTheListingIsUnreachableWithTheCallAndItsAnswer() {
        fake.failNext("GET", "/control/v1/node", 503, "startup reconciliation");

        ObservedStorageController controller = observer.observe(MODERN, ENV, readyController(), NO_TOKEN_NEEDED)
                .controller();

        assertThat(controller).isInstanceOf(ObservedStorageController.Unreachable.class);
        assertThat(((ObservedStorageController.Unreachable) controller).reason())
                .contains("/control/v1/node", "503", "startup reconciliation");
        assertThat(controller.node(NodeId.of(1))).isEmpty();
    }

    @Test
    void withAuthButNoAdminTokenNothingIsAsked() {
        ObservedStorageController controller = observer.observe(MODERN, ENV, readyController(),
                c -> new PageserverApiToken.Unavailable("spec.auth.storageControllerSecret: Secret ns/x has no key ADMIN_JWT_TOKEN"))
                .controller();

        assertThat(controller).isEqualTo(new ObservedStorageController.NoToken(
                "spec.auth.storageControllerSecret: Secret ns/x has no key ADMIN_JWT_TOKEN"));
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void theAdminTokenIsPresented() {
        fake.requireToken("admin");

        ObservedStorageController controller = observer.observe(MODERN, ENV, readyController(),
                c -> new PageserverApiToken.Bearer("admin")).controller();

        assertThat(controller.isListed()).isTrue();
    }

    @Test
    void aListingBuiltInTestsOrdersNodesById() {
        PageserverNode second = PageserverNode.registered(new NodeRegisterRequest(NodeId.of(2),
                "h", 1, Optional.empty(), Optional.empty(), "h", 2, Optional.empty(), "z", Optional.empty()),
                NodeAvailability.OFFLINE, NodeSchedulingPolicy.DRAINING);

        ObservedStorageController.Listed listed = (ObservedStorageController.Listed) ObservedStorageController.listed(
                List.of(second), List.of());

        assertThat(listed.node(NodeId.of(2)).map(PageserverNode::scheduling)).contains(NodeSchedulingPolicy.DRAINING);
        assertThat(listed.active(NodeId.of(2))).isFalse();
    }

    private static Map<String, Pod> readyController() {
        return Map.of("demo-storage-controller-0", pod("demo-storage-controller-0", true));
    }

    private static Pod pod(String name, boolean ready) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus()
                .build();
    }
}

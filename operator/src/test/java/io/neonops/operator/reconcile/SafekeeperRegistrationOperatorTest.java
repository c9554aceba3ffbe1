package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.controller.api.RegisteredSafekeeper;
import io.neonops.controller.api.SafekeeperRegistration;
import io.neonops.controller.api.SafekeeperSchedulingPolicy;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.status.ClusterStatusBuilder;
import io.neonops.operator.status.Refusal;
import io.neonops.operator.storcon.SafekeeperRegistrations;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Poll;
import io.neonops.operator.testing.SecretFixtures;
import io.neonops.operator.testing.Started;
import io.neonops.storage.common.NodeId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Registering the safekeepers of a modern cluster with its storage controller, by the real operator against the mock
 * API server and an in-process fake storage controller; the tests mark pods Ready as a kubelet would.
 */
@EnableKubernetesMockClient(crud = true)
class SafekeeperRegistrationOperatorTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    private static final String MODERN = ClusterFixtures.demo("storageBroker: {}", "storageController: {}",
            "remoteStorage: {bucket: b, region: r}", "postgres: {versions: [16, 17]}");
    private static final List<String> SAFEKEEPERS = List.of("demo-safekeeper-0", "demo-safekeeper-1", "demo-safekeeper-2");

    @RegisterExtension
    final Started started = new Started(server, client);

    private OperatorHarness operator(String namespace) {
        return operator(namespace, MODERN);
    }

    private OperatorHarness operator(String namespace, String manifest) {
        OperatorHarness operator = started.closeLater(OperatorHarness.start(server, client, Set.of(namespace), urls -> {
            throw new AssertionError("a modern cluster has no etcd to ask");
        }));
        operator.create(namespace, manifest);
        Poll.until("every pod of the modern cluster", () -> operator.podNames(namespace).size()
                == NeonClusterOperatorTest.MODERN_PODS.size());
        return operator;
    }

    private static List<String> posts(OperatorHarness operator, int from) {
        List<String> calls = operator.storageController.calls();
        return calls.subList(from, calls.size()).stream().filter(c -> c.startsWith("POST")).toList();
    }

    @Test
    void readySafekeepersAreRegisteredOnlyOnceTheStorageControllerIsReady() {
        OperatorHarness operator = operator("waits");
        SAFEKEEPERS.forEach(pod -> operator.markReady("waits", pod));

        NeonClusterStatus waiting = operator.awaitStatus("waits", "demo", "waiting for the storage controller",
                s -> s.getConditions() != null && s.getConditions().stream()
                        .anyMatch(c -> ClusterStatusBuilder.SAFEKEEPER_REGISTRATION.equals(c.getReason())));
        assertThat(condition(waiting, ClusterConditions.PROGRESSING).getMessage()).contains("storage controller is Ready");
        assertThat(operator.storageController.calls()).noneMatch(c -> c.contains("/control/v1/safekeeper"));

        operator.markReady("waits", "demo-storage-controller-0");

        Poll.until("three safekeepers registered and Active", () -> allRegisteredAndActive(operator));
        assertThat(operator.storageController.safekeepers()).containsExactly(active("waits", 1), active("waits", 2),
                active("waits", 3));
    }

    @Test
    void aResyncWithEverySafekeeperRegisteredPostsNothingAndWritesNothing() {
        OperatorHarness operator = operator("resync");
        operator.markAllReady("resync");
        operator.awaitRunning("resync");
        assertThat(operator.storageController.safekeepers()).hasSize(3);
        operator.awaitReconciliations("resync", "demo", 1);
        operator.requests.drain();
        int calls = operator.storageController.calls().size();

        operator.awaitReconciliations("resync", "demo", 3);

        assertThat(posts(operator, calls)).isEmpty();
        assertThat(operator.storageController.calls().subList(calls, operator.storageController.calls().size()))
                .contains("GET /control/v1/safekeeper");
        assertThat(operator.operatorWrites("resync")).isEmpty();
    }

    @Test
    void safekeepersTheStorageControllerLostAreRegisteredAgain() {
        OperatorHarness operator = operator("lost");
        operator.markAllReady("lost");
        operator.awaitRunning("lost");

        operator.storageController.loseDatabase();

        Poll.until("the safekeepers registered again and Active", () -> allRegisteredAndActive(operator));
        assertThat(operator.storageController.safekeepers()).extracting(RegisteredSafekeeper::schedulingPolicy)
                .containsOnly(SafekeeperSchedulingPolicy.ACTIVE);
    }

    @Test
    void aStorageControllerThatDoesNotAnswerKeepsTheClusterDegradedUntilItDoes() {
        OperatorHarness operator = operator("down");
        operator.storageController.failAlways("GET", "/control/v1/safekeeper", 503, "storage controller starting");
        operator.markAllReady("down");

        NeonClusterStatus degraded = operator.awaitStatus("down", "demo", "registration failed",
                s -> s.getConditions() != null && s.getConditions().stream()
                        .anyMatch(c -> Refusal.SAFEKEEPER_REGISTRATION_FAILED.equals(c.getReason())));
        Condition reason = condition(degraded, ClusterConditions.DEGRADED);
        assertThat(reason.getMessage()).contains("0/3 safekeepers registered", "503", "storage controller starting");
        assertThat(condition(degraded, ClusterConditions.READY).getStatus()).isEqualTo(ClusterConditions.FALSE);

        operator.storageController.clearFailures();

        operator.awaitRunning("down");
        assertThat(operator.storageController.safekeepers()).hasSize(3);
    }

    @Test
    void withAuthTheAdminTokenFromTheStorageControllerSecretIsPresented() {
        client.resource(SecretFixtures.secret("storcon-tokens", "PAGESERVER_JWT_TOKEN", SecretFixtures.base64("ps"),
                "GENERATIONS_API_JWT_TOKEN", SecretFixtures.base64("generations-token\n"))).inNamespace("auth").create();
        OperatorHarness operator = operator("auth", MODERN + "  auth: {enabled: true, publicKeySecret: keys,"
                + " storageControllerSecret: storcon-tokens}\n");
        operator.storageController.requireTokens("admin-token", "generations-token");
        operator.markAllReady("auth");

        NeonClusterStatus degraded = operator.awaitStatus("auth", "demo", "no admin token",
                s -> s.getConditions() != null && s.getConditions().stream()
                        .anyMatch(c -> Refusal.SAFEKEEPER_REGISTRATION_FAILED.equals(c.getReason())));
        assertThat(condition(degraded, ClusterConditions.DEGRADED).getMessage())
                .contains("spec.auth.storageControllerSecret: Secret auth/storcon-tokens has no key ADMIN_JWT_TOKEN");

        client.secrets().inNamespace("auth").withName("storcon-tokens")
                .edit(s -> { s.getData().put("ADMIN_JWT_TOKEN", SecretFixtures.base64("admin-token\n")); return s; });

        operator.awaitRunning("auth");
        assertThat(operator.storageController.safekeepers()).hasSize(3);
    }

    /** Safekeeper {@code id} of cluster {@code namespace/demo} as the operator registers it. */
    private static RegisteredSafekeeper active(String namespace, long id) {
        return new RegisteredSafekeeper(new SafekeeperRegistration(NodeId.of(id), SafekeeperRegistrations.REGION, 1,
                "demo-safekeeper-" + (id - 1) + ".demo-safekeeper." + namespace + ".svc.cluster.local", 5454, 7676,
                Optional.empty(), "zone-1-sk-" + id), SafekeeperSchedulingPolicy.ACTIVE);
    }

    /** Registering is a POST, then the Active policy: a wait for the POSTs alone may end between the two steps. */
    private static boolean allRegisteredAndActive(OperatorHarness operator) {
        List<RegisteredSafekeeper> registered = operator.storageController.safekeepers();
        return registered.size() == 3
                && registered.stream().allMatch(s -> s.schedulingPolicy() == SafekeeperSchedulingPolicy.ACTIVE);
    }
}

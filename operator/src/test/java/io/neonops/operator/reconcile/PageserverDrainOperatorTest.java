package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.controller.api.NodeConfigureRequest;
import io.neonops.controller.api.NodeSchedulingPolicy;
import io.neonops.controller.api.PageserverNode;
import io.neonops.controller.api.PlacementPolicy;
import io.neonops.controller.api.ShardParameters;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controller.api.TenantConfig;
import io.neonops.controller.api.TenantCreateRequest;
import io.neonops.controller.api.testing.FakeStorageController;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.Conflicts;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Poll;
import io.neonops.operator.testing.Started;
import io.neonops.operator.upgrade.RestartMark;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.api.ApiClientSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The restart of a modern cluster's pageservers through the storage controller's drain and fill, by the real operator
 * against the mock API server and the fake storage controller: a kubelet starts each pod (a pageserver re-attaches to
 * the storage controller first) and a watch records, for each pageserver pod deleted, its node's scheduling policy.
 */
@EnableKubernetesMockClient(crud = true)
class PageserverDrainOperatorTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    private static final Duration READY_AFTER = Duration.ofMillis(100);
    private static final TenantId SAFE = TenantId.of("1f359dd625e519a1a4e8d7509690f6fc");
    private static final TenantId EXPOSED = TenantId.of("0f359dd625e519a1a4e8d7509690f6fc");

    @RegisterExtension
    final Started started = new Started(server, client);

    /** A pageserver pod deleted, with its node's scheduling policy at that moment. */
    record Deleted(String pod, Optional<NodeSchedulingPolicy> scheduling) {
    }

    private final List<Deleted> deleted = new CopyOnWriteArrayList<>();

    private static String modern(int pageservers, String... more) {
        String[] lines = new String[5 + more.length];
        lines[0] = "storageBroker: {}";
        lines[1] = "storageController: {}";
        lines[2] = "remoteStorage: {bucket: b, region: r}";
        lines[3] = "postgres: {versions: [16, 17]}";
        lines[4] = "pageserver: {replicas: " + pageservers + "}";
        System.arraycopy(more, 0, lines, 5, more.length);
        return ClusterFixtures.demo(lines);
    }

    /** An operator for {@code namespace} with a kubelet, a running cluster of {@code pageservers}, and the deletion watch. */
    private OperatorHarness running(String namespace, FakeStorageController storageController, int pageservers,
                                    String... more) {
        OperatorHarness operator = started.closeLater(OperatorHarness.start(server, client, Set.of(namespace), storageController));
        started.closeLater(operator.kubelet(namespace, READY_AFTER));
        watchDeletions(namespace, storageController);
        operator.create(namespace, modern(pageservers, more));
        operator.awaitRunning(namespace);
        return operator;
    }

    private void watchDeletions(String namespace, FakeStorageController storageController) {
        Watch watch = client.pods().inNamespace(namespace).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                String name = pod.getMetadata().getName();
                if (action == Action.DELETED && name.contains("-pageserver-")) {
                    long id = Long.parseLong(name.substring(name.lastIndexOf('-') + 1)) + 1;
                    deleted.add(new Deleted(name, storageController.node(NodeId.of(id)).map(PageserverNode::scheduling)));
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                // the test is over
            }
        });
        started.closeLater(watch::close);
    }

    /** A storage controller whose drains, fills and deletes end at the first poll after they start, to keep tests short. */
    private static FakeStorageController storageController() {
        FakeStorageController storageController = FakeStorageController.start();
        storageController.setObservationsPerOperation(1);
        return storageController;
    }

    private static StorageControllerClient asUser(FakeStorageController storageController) {
        return new StorageControllerClient(ApiClientSettings.of(storageController.baseUri()));
    }

    /** One tenant with a secondary, one without (the storage controller's default), both attached to pageserver node 1. */
    private static void tenants(FakeStorageController storageController) {
        StorageControllerClient user = asUser(storageController);
        user.createTenant(TenantCreateRequest.of(EXPOSED, ShardParameters.UNSHARDED, PlacementPolicy.DEFAULT, TenantConfig.DEFAULTS));
        user.createTenant(TenantCreateRequest.of(SAFE, ShardParameters.UNSHARDED, PlacementPolicy.attached(1), TenantConfig.DEFAULTS));
    }

    /** A change of the pageservers' config: only their pods are restarted. */
    private static long changePageserverConfig(OperatorHarness operator, String namespace) {
        return operator.editSpec(namespace, c -> c.getSpec().getPageserver().setConfig(
                JsonNodeFactory.instance.objectNode().put("checkpoint_distance", 268435456L))).getMetadata().getGeneration();
    }

    private static List<String> drainFillCalls(FakeStorageController storageController) {
        return storageController.calls().stream()
                .filter(c -> c.matches("(PUT|DELETE) /control/v1/node/\\d+/(drain|fill|config)") || c.startsWith("POST /upcall/v1/re-attach"))
                .toList();
    }

    private static List<String> reasons(List<Event> events) {
        return events.stream().map(Event::getReason).toList();
    }

    private static Optional<Event> event(OperatorHarness operator, String namespace, String reason) {
        return operator.events(namespace).stream().filter(e -> reason.equals(e.getReason())).findFirst();
    }

    private static Map<String, String> claimAnnotations(String namespace, int pageserver) {
        PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(namespace)
                .withName("demo-pageserver-" + pageserver + "-data").get();
        return claim.getMetadata().getAnnotations() == null ? Map.of() : claim.getMetadata().getAnnotations();
    }

    private static boolean draining(FakeStorageController storageController, long node) {
        return storageController.node(NodeId.of(node)).map(PageserverNode::scheduling)
                .filter(NodeSchedulingPolicy.DRAINING::equals).isPresent();
    }

    @Test
    void eachPageserverIsDrainedRestartedAtPauseForRestartAndFilledBeforeTheNext() {
        FakeStorageController storageController = started.closeLater(storageController());
        storageController.setObservationsPerOperation(2);
        OperatorHarness operator = running("roll", storageController, 2);
        tenants(storageController);
        storageController.clearCalls();

        long generation = changePageserverConfig(operator, "roll");
        operator.awaitRunning("roll", generation);

        assertThat(deleted).containsExactly(
                new Deleted("demo-pageserver-0", Optional.of(NodeSchedulingPolicy.PAUSE_FOR_RESTART)),
                new Deleted("demo-pageserver-1", Optional.of(NodeSchedulingPolicy.PAUSE_FOR_RESTART)));
        assertThat(drainFillCalls(storageController)).containsSubsequence(
                "PUT /control/v1/node/1/drain", "POST /upcall/v1/re-attach", "PUT /control/v1/node/1/fill",
                "PUT /control/v1/node/2/drain", "POST /upcall/v1/re-attach", "PUT /control/v1/node/2/fill");
        assertThat(drainFillCalls(storageController).stream().filter(c -> c.endsWith("/fill")))
                .containsExactly("PUT /control/v1/node/1/fill", "PUT /control/v1/node/2/fill");
        List<String> reasons = reasons(operator.events("roll"));
        assertThat(reasons).contains(PageserverDrainActions.DRAIN_STARTED, PageserverDrainActions.FILL_STARTED,
                PageserverDrainActions.RESTART_DONE);
        assertThat(event(operator, "roll", PageserverDrainActions.SHARDS_WITHOUT_SECONDARY)).hasValueSatisfying(e ->
                assertThat(e.getNote()).contains("pageserver node 1", EXPOSED.hex(), "offline while pod demo-pageserver-0 restarts")
                        .doesNotContain(SAFE.hex()));
        assertThat(claimAnnotations("roll", 0)).doesNotContainKeys(RestartMark.ANNOTATIONS.toArray(String[]::new));
        assertThat(claimAnnotations("roll", 1)).doesNotContainKeys(RestartMark.ANNOTATIONS.toArray(String[]::new));
        assertThat(storageController.nodes()).allMatch(PageserverNode::inService);
        assertThat(asUser(storageController).tenant(SAFE).orElseThrow().shards().get(0).nodeAttached()).isPresent();
    }

    @Test
    void theStepShowsInStatusWhileTheDrainRunsAndAResyncWritesNothing() {
        FakeStorageController storageController = started.closeLater(storageController());
        OperatorHarness operator = running("step", storageController, 2);
        storageController.setObservationsPerOperation(Integer.MAX_VALUE);

        changePageserverConfig(operator, "step");

        NeonClusterStatus draining = operator.awaitStatus("step", "demo", "draining",
                s -> s.getUpgrade() != null && condition(s, ClusterConditions.PROGRESSING).getMessage().startsWith("draining"));
        assertThat(draining.getUpgrade().getStep()).isEqualTo("draining demo-pageserver-0");
        assertThat(condition(draining, ClusterConditions.PROGRESSING).getMessage())
                .contains("draining pageserver node 1", "Draining", "until");
        assertThat(claimAnnotations("step", 0)).containsEntry(RestartMark.STAGE, "drain").containsKey(RestartMark.SINCE);
        operator.awaitReconciliations("step", "demo", 1);
        operator.requests.drain();
        operator.awaitReconciliations("step", "demo", 3);
        assertThat(operator.operatorWrites("step")).isEmpty();
        assertThat(deleted).isEmpty();
    }

    @Test
    void theOnlyPageserverRestartsWithoutADrainAndSaysItsTenantsGoOffline() {
        FakeStorageController storageController = started.closeLater(storageController());
        OperatorHarness operator = running("alone", storageController, 1);
        storageController.clearCalls();

        long generation = changePageserverConfig(operator, "alone");
        operator.awaitRunning("alone", generation);

        assertThat(drainFillCalls(storageController)).noneMatch(c -> c.endsWith("/drain") || c.endsWith("/fill"));
        assertThat(deleted).extracting(Deleted::pod).containsExactly("demo-pageserver-0");
        assertThat(event(operator, "alone", PodRestarts.REASON)).hasValueSatisfying(e ->
                assertThat(e.getNote()).contains("only pageserver", "offline until it is back"));
    }

    @Test
    void anotherOperationRunningMakesTheDrainWaitThenItGoesOn() {
        FakeStorageController storageController = started.closeLater(storageController());
        OperatorHarness operator = running("busy", storageController, 2);
        storageController.failNext("PUT", "/control/v1/node/1/drain", 412, "Background operation already ongoing for node: fill 2");
        storageController.clearCalls();

        long generation = changePageserverConfig(operator, "busy");
        operator.awaitRunning("busy", generation);

        assertThat(drainFillCalls(storageController).stream().filter(c -> c.equals("PUT /control/v1/node/1/drain")).count())
                .isGreaterThanOrEqualTo(2);
        assertThat(deleted).containsExactly(
                new Deleted("demo-pageserver-0", Optional.of(NodeSchedulingPolicy.PAUSE_FOR_RESTART)),
                new Deleted("demo-pageserver-1", Optional.of(NodeSchedulingPolicy.PAUSE_FOR_RESTART)));
    }

    @Test
    void aNodeShowingAnotherOperationBlocksTheDrainUntilItEnds() {
        FakeStorageController storageController = started.closeLater(storageController());
        OperatorHarness operator = running("blocked", storageController, 2);
        storageController.setObservationsPerOperation(Integer.MAX_VALUE);
        assertThat(asUser(storageController).startFill(NodeId.of(2)).accepted()).isTrue();
        storageController.clearCalls();

        long generation = changePageserverConfig(operator, "blocked");

        NeonClusterStatus blocked = operator.awaitStatus("blocked", "demo", "blocked by the fill of node 2",
                s -> s.getUpgrade() != null && "blocked before demo-pageserver-0".equals(s.getUpgrade().getStep()));
        assertThat(condition(blocked, ClusterConditions.PROGRESSING).getMessage()).contains("node 2", "Filling");
        assertThat(drainFillCalls(storageController)).isEmpty();
        storageController.setObservationsPerOperation(1);
        assertThat(asUser(storageController).cancelFill(NodeId.of(2)).accepted()).isTrue();
        operator.awaitRunning("blocked", generation);
        assertThat(deleted).extracting(Deleted::pod).containsExactly("demo-pageserver-0", "demo-pageserver-1");
    }

    @Test
    void aDrainPastItsTimeoutHaltsWithDegradedNamingTheNodeAndTheStepAndRestartsNothing() {
        FakeStorageController storageController = started.closeLater(storageController());
        OperatorHarness operator = running("timeout", storageController, 2, "upgrade: {drainTimeoutSeconds: 60}");
        storageController.setObservationsPerOperation(Integer.MAX_VALUE);

        changePageserverConfig(operator, "timeout");
        Poll.until("node 1 draining", () -> draining(storageController, 1));
        // as if the drain had been asked for an hour ago
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        Conflicts.retried(() -> client.persistentVolumeClaims().inNamespace("timeout").withName("demo-pageserver-0-data")
                .edit(c -> { c.getMetadata().getAnnotations().put(RestartMark.SINCE, hourAgo.toString()); return c; }));

        NeonClusterStatus halted = operator.awaitStatus("timeout", "demo", "halted on the drain",
                s -> s.getConditions() != null && s.getConditions().stream().anyMatch(c -> "PageserverDrainTimeout".equals(c.getReason())));
        assertThat(condition(halted, ClusterConditions.DEGRADED).getMessage())
                .contains("the drain of pageserver node 1", "demo-pageserver-0", hourAgo.toString(), "1m");
        assertThat(halted.getUpgrade().getStep()).isEqualTo("halted at demo-pageserver-0");
        assertThat(event(operator, "timeout", "PageserverDrainTimeout")).isPresent();
        assertThat(deleted).isEmpty();
    }

    @Test
    void aDrainTheStorageControllerLostWhenItRestartedIsRecoveredAndAskedForAgain() {
        FakeStorageController storageController = started.closeLater(storageController());
        OperatorHarness operator = running("lost", storageController, 2);
        storageController.setObservationsPerOperation(Integer.MAX_VALUE);

        long generation = changePageserverConfig(operator, "lost");
        Poll.until("node 1 draining", () -> draining(storageController, 1));
        storageController.setObservationsPerOperation(1);
        storageController.restart();

        operator.awaitRunning("lost", generation);
        assertThat(storageController.calls()).contains("PUT /control/v1/node/1/config");
        assertThat(event(operator, "lost", PageserverDrainActions.DRAIN_RECOVERED)).hasValueSatisfying(e ->
                assertThat(e.getNote()).contains("pageserver node 1", "left Draining"));
        assertThat(deleted).containsExactly(
                new Deleted("demo-pageserver-0", Optional.of(NodeSchedulingPolicy.PAUSE_FOR_RESTART)),
                new Deleted("demo-pageserver-1", Optional.of(NodeSchedulingPolicy.PAUSE_FOR_RESTART)));
    }

    @Test
    void aDrainCancelledUnderneathIsAskedForAgain() {
        FakeStorageController storageController = started.closeLater(storageController());
        OperatorHarness operator = running("cancel", storageController, 2);
        storageController.setObservationsPerOperation(Integer.MAX_VALUE);

        long generation = changePageserverConfig(operator, "cancel");
        Poll.until("node 1 draining", () -> draining(storageController, 1));
        storageController.setObservationsPerOperation(1);
        assertThat(asUser(storageController).cancelDrain(NodeId.of(1)).accepted()).isTrue();

        operator.awaitRunning("cancel", generation);
        assertThat(operator.events("cancel")).filteredOn(e -> PageserverDrainActions.DRAIN_STARTED.equals(e.getReason()))
                .anySatisfy(e -> assertThat(e.getNote()).contains("node 1", "again"));
        assertThat(deleted).extracting(Deleted::scheduling).containsOnly(Optional.of(NodeSchedulingPolicy.PAUSE_FOR_RESTART));
    }

    @Test
    void aSpecChangedBackMidDrainUndoesTheDrainAndFillsTheNodeWithoutRestartingAnything() {
        FakeStorageController storageController = started.closeLater(storageController());
        OperatorHarness operator = running("back", storageController, 2);
        storageController.setObservationsPerOperation(Integer.MAX_VALUE);

        changePageserverConfig(operator, "back");
        Poll.until("node 1 draining", () -> draining(storageController, 1));
        storageController.setObservationsPerOperation(1);
        long generation = operator.editSpec("back", c -> c.getSpec().getPageserver().setConfig(null)).getMetadata().getGeneration();

        Poll.until("the mark of pageserver 0 removed", () -> !claimAnnotations("back", 0).containsKey(RestartMark.STAGE));
        operator.awaitRunning("back", generation);
        assertThat(deleted).isEmpty();
        assertThat(drainFillCalls(storageController)).containsSubsequence("PUT /control/v1/node/1/drain",
                "DELETE /control/v1/node/1/drain", "PUT /control/v1/node/1/fill");
        assertThat(reasons(operator.events("back"))).contains(PageserverDrainActions.DRAIN_UNDONE);
        assertThat(storageController.nodes()).allMatch(PageserverNode::inService);
    }

    @Test
    void aPausedNodeHaltsTheRollUntilSomeoneSetsItActive() {
        FakeStorageController storageController = started.closeLater(storageController());
        OperatorHarness operator = running("paused", storageController, 2);
        asUser(storageController).configureNode(NodeConfigureRequest.scheduling(NodeId.of(1), NodeSchedulingPolicy.PAUSE));
        storageController.clearCalls();

        long generation = changePageserverConfig(operator, "paused");

        NeonClusterStatus halted = operator.awaitStatus("paused", "demo", "halted on the paused node",
                s -> s.getConditions() != null && s.getConditions().stream().anyMatch(c -> "PageserverPaused".equals(c.getReason())));
        assertThat(condition(halted, ClusterConditions.DEGRADED).getMessage()).contains("pageserver node 1", "Paused");
        assertThat(drainFillCalls(storageController)).isEmpty();
        asUser(storageController).configureNode(NodeConfigureRequest.scheduling(NodeId.of(1), NodeSchedulingPolicy.ACTIVE));
        operator.awaitRunning("paused", generation);
        assertThat(deleted).extracting(Deleted::pod).containsExactly("demo-pageserver-0", "demo-pageserver-1");
    }

    @Test
    void anOperatorRestartedMidDrainGoesOnWithoutRestartingAPodTwice() {
        FakeStorageController storageController = started.closeLater(storageController());
        OperatorHarness first = running("mid-drain", storageController, 2);
        storageController.setObservationsPerOperation(Integer.MAX_VALUE);
        long generation = changePageserverConfig(first, "mid-drain");
        Poll.until("node 1 draining", () -> draining(storageController, 1));
        first.close();
        storageController.setObservationsPerOperation(1);
        storageController.restart();

        OperatorHarness second = started.closeLater(OperatorHarness.start(server, client, Set.of("mid-drain"), storageController));
        second.awaitRunning("mid-drain", generation);

        assertThat(deleted).containsExactly(
                new Deleted("demo-pageserver-0", Optional.of(NodeSchedulingPolicy.PAUSE_FOR_RESTART)),
                new Deleted("demo-pageserver-1", Optional.of(NodeSchedulingPolicy.PAUSE_FOR_RESTART)));
        assertThat(storageController.nodes()).allMatch(PageserverNode::inService);
    }

    @Test
    void anOperatorRestartedBetweenRestartAndFillFillsBeforeTheNextPageserver() {
        FakeStorageController storageController = started.closeLater(storageController());
        OperatorHarness first = running("mid-fill", storageController, 2);
        storageController.failAlways("PUT", "/control/v1/node/1/fill", 503, "Node 1 is currently unavailable");
        long generation = changePageserverConfig(first, "mid-fill");
        Poll.until("the fill of node 1 asked for", () -> storageController.calls().contains("PUT /control/v1/node/1/fill"));
        first.close();
        storageController.clearFailures();
        storageController.clearCalls();

        OperatorHarness second = started.closeLater(OperatorHarness.start(server, client, Set.of("mid-fill"), storageController));
        second.awaitRunning("mid-fill", generation);

        assertThat(deleted).extracting(Deleted::pod).containsExactly("demo-pageserver-0", "demo-pageserver-1");
        assertThat(drainFillCalls(storageController)).containsSubsequence("PUT /control/v1/node/1/fill",
                "PUT /control/v1/node/2/drain", "PUT /control/v1/node/2/fill");
        assertThat(drainFillCalls(storageController)).doesNotContain("PUT /control/v1/node/1/drain");
    }

    @Test
    void aModernClusterScaledDownHasTheStorageControllerDeleteTheNodeThenDeletesThePodAndKeepsTheVolume() {
        FakeStorageController storageController = started.closeLater(storageController());
        OperatorHarness operator = running("down", storageController, 3);
        tenants(storageController);

        long generation = operator.editSpec("down", c -> c.getSpec().getPageserver().setReplicas(2)).getMetadata().getGeneration();

        Poll.until("pod demo-pageserver-2 deleted", () -> !operator.podNames("down").contains("demo-pageserver-2"));
        operator.awaitRunning("down", generation);
        assertThat(storageController.calls()).contains("PUT /control/v1/node/3/delete?force=false");
        assertThat(storageController.nodes()).extracting(PageserverNode::id).containsExactly(NodeId.of(1), NodeId.of(2));
        assertThat(deleted).containsExactly(new Deleted("demo-pageserver-2", Optional.empty()));
        assertThat(client.persistentVolumeClaims().inNamespace("down").withName("demo-pageserver-2-data").get()).isNotNull();
        assertThat(reasons(operator.events("down"))).contains(PageserverRemoval.REMOVAL_STARTED, PageserverRemoval.REMOVED);
        assertThat(asUser(storageController).tenant(EXPOSED).orElseThrow().shards().get(0).nodeAttached()).isPresent();
    }

    @Test
    void underDeletionPolicyDeleteTheRemovedPageserversVolumeIsDeletedToo() {
        FakeStorageController storageController = started.closeLater(storageController());
        OperatorHarness operator = running("down-delete", storageController, 2, "deletionPolicy: Delete");

        operator.editSpec("down-delete", c -> c.getSpec().getPageserver().setReplicas(1));

        Poll.until("the volume of demo-pageserver-1 deleted", () -> client.persistentVolumeClaims().inNamespace("down-delete")
                .withName("demo-pageserver-1-data").get() == null);
        assertThat(storageController.nodes()).extracting(PageserverNode::id).containsExactly(NodeId.of(1));
        assertThat(deleted).containsExactly(new Deleted("demo-pageserver-1", Optional.empty()));
    }
}

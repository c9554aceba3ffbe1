package io.neonops.operator.testing;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.neonops.controller.api.Fixtures;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controller.api.testing.FakePageserverUpcalls;
import io.neonops.controller.api.testing.FakeStorageController;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.etcd.EtcdConnector;
import io.neonops.operator.pageserver.PageserverConnector;
import io.neonops.operator.reconcile.ReconcileSettings;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.runtime.NeonOperator;
import io.neonops.operator.runtime.OperatorSettings;
import io.neonops.operator.runtime.OperatorStartException;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.ApiClientSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The real operator, in-process, against the fabric8 mock API server in CRUD mode (which has no server-side
 * apply, hence the merge-patch writer), plus what a kubelet would do: mark pods Ready.
 */
public final class OperatorHarness implements AutoCloseable {

    /** The checked-in CRD, relative to the operator module, where the tests run. */
    public static final Path CRD = Path.of("..", "crds", "neonclusters.neonops.io-v1.yml");
    public static final Path TENANT_CRD = Path.of("..", "crds", "neontenants.neonops.io-v1.yml");
    public static final Path TIMELINE_CRD = Path.of("..", "crds", "neontimelines.neonops.io-v1.yml");
    /** Short, so that tests see resyncs of unchanged clusters within a second or two. */
    public static final Duration RESYNC = Duration.ofMillis(500);

    public final KubernetesClient client;
    public final ReconcileCounter reconciles = new ReconcileCounter();
    public final MeterRegistry metrics = new SimpleMeterRegistry();
    public final RequestLog requests;
    /** The storage controller of every modern cluster this operator runs: it registers their safekeepers here. */
    public final FakeStorageController storageController = FakeStorageController.start();
    private final NeonOperator operator;

    private OperatorHarness(KubernetesMockServer server, KubernetesClient client, Set<String> namespaces,
                            PageserverConnector pageservers, EtcdConnector etcd, Duration resync) {
        this.client = client;
        this.requests = new RequestLog(server);
        installCrd(client);
        this.operator = NeonOperator.create(client, new OperatorSettings(namespaces,
                new ReconcileSettings(false, KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN, "test", pageservers, etcd)
                        .withStorageControllers(at -> new StorageControllerClient(at.bearerToken()
                                .map(ApiClientSettings.of(storageController.baseUri())::withBearerToken)
                                .orElse(ApiClientSettings.of(storageController.baseUri())))),
                resync).withTenantRefresh(resync), metrics, reconciles);
        try {
            operator.start();
        } catch (OperatorStartException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** An operator for every namespace, which reaches pageservers over HTTP and resyncs every {@link #RESYNC}. */
    public static OperatorHarness start(KubernetesMockServer server, KubernetesClient client) {
        return new OperatorHarness(server, client, Set.of(), PageserverConnector.HTTP, EtcdConnector.HTTP, RESYNC);
    }

    /**
     * An operator for {@code namespaces} only, which reaches the pageservers through {@code pageservers} and
     * resyncs every cluster every {@code resync}.
     */
    public static OperatorHarness start(KubernetesMockServer server, KubernetesClient client, Set<String> namespaces,
                                        PageserverConnector pageservers, Duration resync) {
        return new OperatorHarness(server, client, namespaces, pageservers, EtcdConnector.HTTP, resync);
    }

    /** An operator for {@code namespaces} only, which asks etcd for membership changes through {@code etcd}. */
    public static OperatorHarness start(KubernetesMockServer server, KubernetesClient client, Set<String> namespaces,
                                        EtcdConnector etcd) {
        return new OperatorHarness(server, client, namespaces, PageserverConnector.HTTP, etcd, RESYNC);
    }

    /** Installs every CRD of the operator (NeonCluster, NeonTenant, NeonTimeline). */
    /**
     * Pageservers with these node ids start and register with the storage controller through the re-attach upcall, and
     * answer a heartbeat: what a modern cluster's pageserver pods do, so that tenants can be placed.
     */
    public void registerPageservers(long... ids) {
        FakePageserverUpcalls upcalls = new FakePageserverUpcalls(storageController.upcallApi(), Optional.empty());
        for (long id : ids) {
            upcalls.reAttach(NodeId.of(id), Optional.of(Fixtures.metadata(id)), Optional.empty(), false);
        }
        storageController.advance();
    }

    public static void installCrd(KubernetesClient client) {
        for (Path file : List.of(CRD, TENANT_CRD, TIMELINE_CRD)) {
            try (InputStream in = Files.newInputStream(file)) {
                CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
                client.resource(crd).createOr(NonDeletingOperation::update);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public NeonCluster create(String namespace, String manifestYaml) {
        return ClusterFixtures.create(client, namespace, manifestYaml);
    }

    /** Creates cluster {@code demo} and waits until its first pass created every pod, so that they can be marked Ready. */
    public NeonClusterStatus createAndAwaitPods(String namespace, String manifest) {
        create(namespace, manifest);
        return awaitStatus(namespace, "demo", "every pod created",
                s -> s.getSafekeepers() != null && podNames(namespace).size()
                        == s.getSafekeepers().getDesired() + s.getEtcd().getDesired() + s.getPageserver().getDesired());
    }

    /** Lets cluster {@code demo} become Running and settle, then returns what the next resyncs of it wrote. */
    public List<String> writesOfResyncs(String namespace) {
        markAllReady(namespace);
        awaitRunning(namespace);
        awaitReconciliations(namespace, "demo", 1);
        requests.drain();

        awaitReconciliations(namespace, "demo", 3);
        return operatorWrites(namespace);
    }

    public NeonCluster get(String namespace, String name) {
        return client.resources(NeonCluster.class).inNamespace(namespace).withName(name).get();
    }

    /** Waits until the cluster's status satisfies {@code test}, and returns that status. */
    public NeonClusterStatus awaitStatus(String namespace, String name, String what, Predicate<NeonClusterStatus> test) {
        return Poll.value(namespace + "/" + name + " status: " + what, () -> Optional.ofNullable(get(namespace, name))
                .map(NeonCluster::getStatus)
                .filter(test));
    }

    public NeonClusterStatus awaitRunning(String namespace) {
        return awaitStatus(namespace, "demo", "phase Running", s -> s.getPhase() == ClusterPhase.RUNNING);
    }

    /** Waits until {@code namespace/demo} is Running for {@code generation}: its spec is carried out in full. */
    public NeonClusterStatus awaitRunning(String namespace, long generation) {
        return awaitStatus(namespace, "demo", "phase Running for generation " + generation,
                s -> s.getObservedGeneration() == generation && s.getPhase() == ClusterPhase.RUNNING);
    }

    public NeonClusterStatus awaitDegraded(String namespace, long generation) {
        return awaitStatus(namespace, "demo", "Degraded for generation " + generation,
                s -> s.getObservedGeneration() == generation && s.getPhase() == ClusterPhase.DEGRADED);
    }

    /** Sets the status a kubelet sets once the pod's containers run and its readiness probe passes. */
    public void markReady(String namespace, String podName) {
        FakeKubelet.setReady(client, client.pods().inNamespace(namespace).withName(podName).get());
    }

    public void markAllReady(String namespace) {
        client.pods().inNamespace(namespace).list().getItems()
                .forEach(p -> markReady(namespace, p.getMetadata().getName()));
    }

    /** Edits the cluster {@code namespace/demo} as a user would; it always has an annotations map to change. */
    public NeonCluster editSpec(String namespace, Consumer<NeonCluster> change) {
        return client.resources(NeonCluster.class).inNamespace(namespace).withName("demo").edit(c -> {
            if (c.getMetadata().getAnnotations() == null) {
                c.getMetadata().setAnnotations(new HashMap<>());
            }
            change.accept(c);
            return c;
        });
    }

    public List<String> podNames(String namespace) {
        return client.pods().inNamespace(namespace).list().getItems().stream().map(p -> p.getMetadata().getName()).toList();
    }

    public List<Event> events(String namespace) {
        return client.resources(Event.class).inNamespace(namespace).list().getItems();
    }

    public List<String> eventReasons(String namespace) {
        return events(namespace).stream().map(Event::getReason).toList();
    }

    /** Writes since the last drain, but for the test's own edits of the NeonCluster. */
    public List<String> operatorWrites(String namespace) {
        return requests.writesIn(namespace).stream().filter(r -> !r.matches(".*/neonclusters/demo(\\?.*)?$")).toList();
    }

    /** Writes to the cluster's objects since the last drain: everything but the NeonCluster itself and Events. */
    public List<String> objectWrites(String namespace) {
        return operatorWrites(namespace).stream().filter(r -> !r.contains("/neonclusters/") && !r.contains("/events")).toList();
    }

    public static Condition condition(NeonClusterStatus status, String type) {
        return ClusterConditions.find(status.getConditions(), type).orElseThrow(() -> new AssertionError("no " + type));
    }

    /** What the operator's counter {@code name} counted for the label {@code tag=value}; 0 if it never counted. */
    public double counted(String name, String tag, String value) {
        return Optional.ofNullable(metrics.find(name).tag(tag, value).counter()).map(Counter::count).orElse(0.0);
    }

    /** Waits until {@code count} more reconciliations of the cluster have finished than had before. */
    public void awaitReconciliations(String namespace, String name, int count) {
        int target = reconciles.finished(namespace, name) + count;
        Poll.until(count + " more reconciliations of " + namespace + "/" + name,
                () -> reconciles.finished(namespace, name) >= target);
    }

    @Override
    public void close() {
        operator.close();
        storageController.close();
    }
}

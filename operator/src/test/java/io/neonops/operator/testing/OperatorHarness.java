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
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.neonops.controller.api.PageserverMetadata;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controller.api.testing.FakePageserverUpcalls;
import io.neonops.controller.api.testing.FakeStorageController;
import io.neonops.controlplane.component.PageserverNodeSpec;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.NeonJson;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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
    public final FakeStorageController storageController;
    /** Whether {@link #close()} stops {@link #storageController}: not when it outlives this operator. */
    private final boolean ownsStorageController;
    /** The safekeepers of every cluster this operator runs: they hold no timelines unless a test says so. */
    public final FakeSafekeepers safekeepers;
    private final boolean ownsSafekeepers;
    private final NeonOperator operator;

    private OperatorHarness(KubernetesMockServer server, KubernetesClient client, Set<String> namespaces,
                            PageserverConnector pageservers, EtcdConnector etcd, Duration resync) {
        this(server, client, namespaces, pageservers, etcd, resync, null, null);
    }

    /**
     * @param sharedStorageController a storage controller that outlives this operator (closed by its owner); null for its own
     * @param sharedSafekeepers       safekeepers that outlive this operator (closed by their owner); null for its own
     */
    private OperatorHarness(KubernetesMockServer server, KubernetesClient client, Set<String> namespaces,
                            PageserverConnector pageservers, EtcdConnector etcd, Duration resync,
                            FakeStorageController sharedStorageController, FakeSafekeepers sharedSafekeepers) {
        this.client = client;
        this.ownsStorageController = sharedStorageController == null;
        this.storageController = ownsStorageController ? FakeStorageController.start() : sharedStorageController;
        this.ownsSafekeepers = sharedSafekeepers == null;
        this.safekeepers = ownsSafekeepers ? FakeSafekeepers.start() : sharedSafekeepers;
        this.requests = new RequestLog(server);
        installCrd(client);
        this.operator = NeonOperator.create(client, new OperatorSettings(namespaces,
                new ReconcileSettings(false, KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN, "test", pageservers, etcd)
                        .withStorageControllers(at -> new StorageControllerClient(at.bearerToken()
                                .map(ApiClientSettings.of(storageController.baseUri())::withBearerToken)
                                .orElse(ApiClientSettings.of(storageController.baseUri()))))
                        .withSafekeepers(safekeepers.connector()),
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

    /**
     * An operator for {@code namespaces} only, of modern clusters (it asks etcd nothing), whose storage controller is
     * {@code storageController}: it outlives the operator, as a real one outlives an operator's restart.
     */
    public static OperatorHarness start(KubernetesMockServer server, KubernetesClient client, Set<String> namespaces,
                                        FakeStorageController storageController) {
        return new OperatorHarness(server, client, namespaces, PageserverConnector.HTTP, urls -> {
            throw new AssertionError("a modern cluster has no etcd to ask");
        }, RESYNC, storageController, null);
    }

    /**
     * An operator for {@code namespaces} only that reaches the safekeepers through {@code safekeepers}, which outlive
     * it: a second operator started on the same fakes sees the same WAL positions, as after an operator restart.
     */
    public static OperatorHarness start(KubernetesMockServer server, KubernetesClient client, Set<String> namespaces,
                                        FakeSafekeepers safekeepers, Duration resync) {
        return new OperatorHarness(server, client, namespaces, PageserverConnector.HTTP, EtcdConnector.HTTP, resync,
                null, safekeepers);
    }

    /** Installs every CRD of the operator (NeonCluster, NeonTenant, NeonTimeline). */
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

    /**
     * Sets the status a kubelet sets once the pod's containers run and its readiness probe passes. A modern
     * pageserver first does what it does on start, before its HTTP API (and so its probe) answers: the re-attach
     * upcall to {@link #storageController}, registering itself from the metadata.json and identity.toml of its
     * ConfigMap, presenting the {@code control_plane_api_token} its pod adds to pageserver.toml from a Secret, if any.
     */
    public void markReady(String namespace, String podName) {
        Pod pod = client.pods().inNamespace(namespace).withName(podName).get();
        start(namespace, pod);
        FakeKubelet.setReady(client, pod);
    }

    /** What the pod does on start before it turns Ready: a modern pageserver's re-attach upcall; nothing for the others. */
    private void start(String namespace, Pod pod) {
        modernPageserverFiles(namespace, pod.getMetadata().getName()).ifPresent(files -> new FakePageserverUpcalls(
                storageController.upcallApi(), upcallToken(namespace, pod)).reAttach(files.nodeId(),
                Optional.of(files.metadata()), Optional.empty(), true));
    }

    /**
     * A kubelet for {@code namespace} that starts each pod {@code readyAfter} after it is created as {@link #markReady}
     * does (a modern pageserver re-attaches to {@link #storageController} first); start it before the pods are created.
     */
    public FakeKubelet kubelet(String namespace, Duration readyAfter) {
        return FakeKubelet.start(client, namespace, readyAfter, pod -> false, pod -> start(namespace, pod));
    }

    /** What the pod's copy-config container reads from a Secret into pageserver.toml: the upcall token. */
    private Optional<String> upcallToken(String namespace, Pod pod) {
        return pod.getSpec().getInitContainers().stream()
                .filter(c -> c.getName().equals("copy-config") && c.getEnv() != null)
                .flatMap(c -> c.getEnv().stream())
                .map(e -> e.getValueFrom().getSecretKeyRef())
                .findFirst()
                .map(ref -> {
                    Secret secret = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
                    String encoded = secret == null || secret.getData() == null ? null : secret.getData().get(ref.getKey());
                    if (encoded == null) {
                        throw new AssertionError("pod " + pod.getMetadata().getName() + " cannot start: Secret "
                                + ref.getName() + " has no key " + ref.getKey());
                    }
                    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).strip();
                });
    }

    /** A modern pageserver's node id and registration, as its ConfigMap gives them to it. */
    private record PageserverFiles(NodeId nodeId, PageserverMetadata metadata) {
    }

    private Optional<PageserverFiles> modernPageserverFiles(String namespace, String podName) {
        String metadataKey = podName + "." + PageserverNodeSpec.METADATA_FILE;
        String identityKey = podName + "." + PageserverNodeSpec.IDENTITY_FILE;
        return client.configMaps().inNamespace(namespace).list().getItems().stream()
                .map(ConfigMap::getData)
                .filter(data -> data != null && data.containsKey(metadataKey) && data.containsKey(identityKey))
                .findFirst()
                .map(data -> {
                    try {
                        PageserverMetadata metadata = NeonJson.reader().forType(PageserverMetadata.class)
                                .readValue(data.get(metadataKey));
                        String id = data.get(identityKey).strip().replaceFirst("^id\\s*=\\s*", "");
                        return new PageserverFiles(NodeId.parse(id), metadata);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    public void markAllReady(String namespace) {
        client.pods().inNamespace(namespace).list().getItems()
                .forEach(p -> markReady(namespace, p.getMetadata().getName()));
    }

    /** Edits the cluster {@code namespace/demo} as a user would; it always has an annotations map to change. */
    public NeonCluster editSpec(String namespace, Consumer<NeonCluster> change) {
        return Conflicts.retried(() -> client.resources(NeonCluster.class).inNamespace(namespace).withName("demo").edit(c -> {
            if (c.getMetadata().getAnnotations() == null) {
                c.getMetadata().setAnnotations(new HashMap<>());
            }
            change.accept(c);
            return c;
        }));
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
        if (ownsStorageController) {
            storageController.close();
        }
        if (ownsSafekeepers) {
            safekeepers.close();
        }
    }
}

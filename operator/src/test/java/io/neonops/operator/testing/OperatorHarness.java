package io.neonops.operator.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.reconcile.ReconcileSettings;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.runtime.NeonOperator;
import io.neonops.operator.runtime.OperatorSettings;
import io.neonops.operator.runtime.OperatorStartException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The real operator, in-process, against the fabric8 mock API server in CRUD mode (which has no server-side
 * apply, hence the merge-patch writer), plus what a kubelet would do: mark pods Ready.
 */
public final class OperatorHarness implements AutoCloseable {

    /** The checked-in CRD, relative to the operator module, where the tests run. */
    public static final Path CRD = Path.of("..", "crds", "neonclusters.neonops.io-v1.yml");
    /** Short, so that tests see resyncs of unchanged clusters within a second or two. */
    public static final Duration RESYNC = Duration.ofMillis(500);

    public final KubernetesClient client;
    public final ReconcileCounter reconciles = new ReconcileCounter();
    public final MeterRegistry metrics = new SimpleMeterRegistry();
    public final RequestLog requests;
    private final NeonOperator operator;

    private OperatorHarness(KubernetesMockServer server, KubernetesClient client) {
        this.client = client;
        this.requests = new RequestLog(server);
        installCrd(client);
        this.operator = NeonOperator.create(client, new OperatorSettings(Set.of(),
                new ReconcileSettings(false, KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN, "test"), RESYNC), metrics,
                reconciles);
        try {
            operator.start();
        } catch (OperatorStartException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static OperatorHarness start(KubernetesMockServer server, KubernetesClient client) {
        return new OperatorHarness(server, client);
    }

    public static void installCrd(KubernetesClient client) {
        try (InputStream in = Files.newInputStream(CRD)) {
            CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
            client.resource(crd).createOr(NonDeletingOperation::update);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public NeonCluster create(String namespace, String manifestYaml) {
        return ClusterFixtures.create(client, namespace, manifestYaml);
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

    /** Sets the status a kubelet sets once the pod's containers run and its readiness probe passes. */
    public void markReady(String namespace, String podName) {
        Pod pod = client.pods().inNamespace(namespace).withName(podName).get();
        pod.setStatus(new PodStatusBuilder()
                .withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewCondition().withType("ContainersReady").withStatus("True").endCondition()
                .build());
        client.resource(pod).updateStatus();
    }

    public void markAllReady(String namespace) {
        client.pods().inNamespace(namespace).list().getItems()
                .forEach(p -> markReady(namespace, p.getMetadata().getName()));
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
    }
}

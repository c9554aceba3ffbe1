package io.neonops.operator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.cluster.NeonCluster;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one test started (operators, fake kubelets, fake daemons), for tests that give each test a namespace and an
 * operator of its own: registered as an extension, it closes them after each test, last first, once the clusters are
 * deleted so that they stop resyncing.
 */
public final class Started implements AfterEachCallback {

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    public Started(KubernetesMockServer server, KubernetesClient client) {
        this.server = server;
        this.client = client;
    }

    /** {@code closeable}, closed after the test. */
    public <T extends AutoCloseable> T closeLater(T closeable) {
        started.push(closeable);
        return closeable;
    }

    /**
     * A fake kubelet that marks the pods of {@code namespace} Ready after {@code readyAfter}, and an operator for
     * {@code namespace} alone, for a cluster that does not grow etcd and so must never ask etcd.
     */
    public OperatorHarness operatorWithKubelet(String namespace, Duration readyAfter) {
        closeLater(FakeKubelet.start(client, namespace, readyAfter, pod -> false));
        return closeLater(OperatorHarness.start(server, client, Set.of(namespace), urls -> {
            throw new AssertionError("a cluster that does not grow etcd asks etcd nothing");
        }));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        client.resources(NeonCluster.class).inAnyNamespace().delete();
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }
}

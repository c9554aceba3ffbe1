package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.cluster.PageserverSpec;
import io.neonops.operator.cluster.VolumeSpec;
import io.neonops.operator.metrics.OperatorMetrics;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.status.Refusal;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Pauses;
import io.neonops.operator.testing.Poll;
import io.neonops.operator.testing.Started;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes the API server refuses (403 from a ResourceQuota or PodSecurity admission, which the mock server plays
 * through expectations ahead of its CRUD store) show in status, each with a Warning Event, are retried, and do not
 * stop the rest of the pass. Each test works in a namespace of its own, with an operator of its own.
 */
@EnableKubernetesMockClient(crud = true)
class WriteFailureOperatorTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    @RegisterExtension
    final Started started = new Started(server, client);

    private OperatorHarness operator(String namespace) {
        return started.operatorWithKubelet(namespace, Duration.ofMillis(100));
    }

    /** From now on the API server answers {@code method path} with a 403 saying {@code message}. */
    private static void forbid(String method, String path, String message) {
        Status forbidden = new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
                .withMessage(message).build();
        switch (method) {
            case "POST" -> server.expect().post().withPath(path).andReturn(403, forbidden).always();
            case "PATCH" -> server.expect().patch().withPath(path).andReturn(403, forbidden).always();
            default -> throw new IllegalArgumentException(method);
        }
    }

    private static NeonClusterStatus awaitWriteFailed(OperatorHarness operator, String namespace) {
        return operator.awaitStatus(namespace, "demo", "Degraded for a refused write", s -> ClusterConditions
                .find(s.getConditions(), ClusterConditions.DEGRADED)
                .filter(c -> Refusal.WRITE_FAILED.equals(c.getReason())).isPresent());
    }

    private static boolean warned(OperatorHarness operator, String namespace, String object) {
        return operator.events(namespace).stream().anyMatch(e -> "Warning".equals(e.getType())
                && Refusal.WRITE_FAILED.equals(e.getReason()) && e.getNote().contains(object));
    }

    @Test
    void podsThatAdmissionRefusesShowInStatusWhileEverythingElseIsCreated() {
        String ns = "forbidden-pods";
        String admission = "violates PodSecurity \"restricted:latest\": runAsNonRoot != true";
        forbid("POST", "/api/v1/namespaces/" + ns + "/pods", "pods \"demo\" is forbidden: " + admission);
        OperatorHarness operator = operator(ns);

        operator.create(ns, ClusterFixtures.DEMO);

        NeonClusterStatus refused = awaitWriteFailed(operator, ns);
        assertThat(condition(refused, ClusterConditions.DEGRADED).getMessage())
                .contains("creating Pod demo-etcd-0 failed (HTTP 403): pods \"demo\" is forbidden: " + admission)
                .contains("creating Pod demo-safekeeper-2 failed (HTTP 403)");
        assertThat(condition(refused, ClusterConditions.READY).getStatus()).isEqualTo(ClusterConditions.FALSE);
        assertThat(client.persistentVolumeClaims().inNamespace(ns).list().getItems()).hasSize(5);
        assertThat(client.services().inNamespace(ns).list().getItems()).hasSize(3);
        assertThat(client.configMaps().inNamespace(ns).withName("demo-pageserver").get()).isNotNull();
        assertThat(client.policy().v1().podDisruptionBudget().inNamespace(ns).list().getItems()).hasSize(2);
        Poll.until("a Warning event per refused pod", () -> List.of("demo-etcd-0", "demo-pageserver-0", "demo-safekeeper-0",
                "demo-safekeeper-1", "demo-safekeeper-2").stream().allMatch(pod -> warned(operator, ns, "Pod " + pod)));
        Poll.until("the refused writes retried", () -> operator.counted(OperatorMetrics.WRITES_FAILED,
                OperatorMetrics.KIND_TAG, "Pod") >= 10);
    }

    @Test
    void volumesAQuotaRefusesHoldBackOnlyThePodsThatWouldMountThem() {
        String ns = "forbidden-volumes";
        String quota = "persistentvolumeclaims \"demo\" is forbidden: exceeded quota: storage, requested: "
                + "requests.storage=10Gi, used: requests.storage=0, limited: requests.storage=5Gi";
        forbid("POST", "/api/v1/namespaces/" + ns + "/persistentvolumeclaims", quota);
        OperatorHarness operator = operator(ns);

        operator.create(ns, ClusterFixtures.DEMO);

        NeonClusterStatus refused = awaitWriteFailed(operator, ns);
        assertThat(condition(refused, ClusterConditions.DEGRADED).getMessage())
                .contains("creating PersistentVolumeClaim demo-etcd-0-data failed (HTTP 403): " + quota)
                .contains("creating PersistentVolumeClaim demo-pageserver-0-data failed (HTTP 403)")
                .doesNotContain("creating Pod");
        assertThat(client.services().inNamespace(ns).list().getItems()).hasSize(3);
        assertThat(client.policy().v1().podDisruptionBudget().inNamespace(ns).list().getItems()).hasSize(2);
        operator.awaitReconciliations(ns, "demo", 2);
        assertThat(operator.podNames(ns)).isEmpty();
        assertThat(refused.getVolumes()).as("volumes seen").isNull();
    }

    @Test
    void aRefusedVolumeResizeDoesNotStopALostPodFromComingBack() {
        String ns = "forbidden-resize";
        OperatorHarness operator = operator(ns);
        operator.create(ns, ClusterFixtures.DEMO);
        operator.awaitRunning(ns);
        String quota = "persistentvolumeclaims \"demo-pageserver-0-data\" is forbidden: exceeded quota: storage, "
                + "requested: requests.storage=10Gi, used: requests.storage=20Gi, limited: requests.storage=25Gi";
        forbid("PATCH", "/api/v1/namespaces/" + ns + "/persistentvolumeclaims/demo-pageserver-0-data", quota);
        String podUid = client.pods().inNamespace(ns).withName("demo-safekeeper-1").get().getMetadata().getUid();

        // both in one pass: a bigger pageserver volume and a lost safekeeper pod
        Pauses.pause(operator, ns);
        operator.editSpec(ns, c -> {
            c.getSpec().setPageserver(new PageserverSpec());
            c.getSpec().getPageserver().setStorage(new VolumeSpec());
            c.getSpec().getPageserver().getStorage().setSize("30Gi");
        });
        client.pods().inNamespace(ns).withName("demo-safekeeper-1").delete();
        Poll.until("demo-safekeeper-1 gone", () -> client.pods().inNamespace(ns).withName("demo-safekeeper-1").get() == null);
        Pauses.resume(operator, ns);

        Poll.until("demo-safekeeper-1 back", () -> Optional.ofNullable(
                client.pods().inNamespace(ns).withName("demo-safekeeper-1").get())
                .filter(p -> !p.getMetadata().getUid().equals(podUid)).isPresent());
        NeonClusterStatus refused = operator.awaitStatus(ns, "demo", "the refused resize and 3 safekeepers Ready",
                s -> s.getSafekeepers().getReady() == 3 && ClusterConditions.find(s.getConditions(),
                        ClusterConditions.DEGRADED).filter(c -> Refusal.WRITE_FAILED.equals(c.getReason())).isPresent());
        assertThat(condition(refused, ClusterConditions.DEGRADED).getMessage()).isEqualTo(
                "updating PersistentVolumeClaim demo-pageserver-0-data failed (HTTP 403): " + quota + "; retrying");
        Poll.until("a Warning event for the refused resize", () -> warned(operator, ns, "demo-pageserver-0-data"));
        Poll.until("the resize retried", () -> operator.counted(OperatorMetrics.WRITES_FAILED, OperatorMetrics.KIND_TAG,
                "PersistentVolumeClaim") >= 2);
        operator.requests.drain();
        operator.awaitReconciliations(ns, "demo", 2);
        assertThat(operator.operatorWrites(ns)).as("while the quota lasts: retries, no new status, no new Event")
                .isNotEmpty().allMatch(write -> write.startsWith("PATCH /api/v1/namespaces/" + ns
                        + "/persistentvolumeclaims/demo-pageserver-0-data"));

        operator.editSpec(ns, c -> c.getSpec().getPageserver().setStorage(null));

        operator.awaitRunning(ns);
    }
}

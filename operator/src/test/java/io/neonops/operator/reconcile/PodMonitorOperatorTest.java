package io.neonops.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.resources.ResourceLabels;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.OperatorHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A cluster asking for a PodMonitor on an API server that serves the Prometheus Operator's kind. */
@EnableKubernetesMockClient(crud = true)
class PodMonitorOperatorTest {

    static KubernetesMockServer server;
    static KubernetesClient client;
    static OperatorHarness operator;

    static final String WITH_POD_MONITOR = ClusterFixtures.demo("monitoring: {podMonitor: true}");

    @BeforeAll
    static void startOperator() {
        client.resource(podMonitorCrd()).create();
        operator = OperatorHarness.start(server, client);
    }

    @AfterAll
    static void stopOperator() {
        operator.close();
    }

    /** The Prometheus Operator's CRD, as far as API discovery shows it: the mock then serves the kind. */
    static CustomResourceDefinition podMonitorCrd() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("podmonitors.monitoring.coreos.com").endMetadata()
                .withNewSpec().withGroup("monitoring.coreos.com").withScope("Namespaced")
                .withNewNames().withKind("PodMonitor").withPlural("podmonitors").withSingular("podmonitor")
                .withListKind("PodMonitorList").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object")
                .withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema().endVersion()
                .endSpec().build();
    }

    @Test
    void createsOnePodMonitorScrapingEveryComponentAndSaysSoInStatus() {
        NeonClusterStatus status = operator.createAndAwaitPods("present", WITH_POD_MONITOR);

        assertThat(status.getPodMonitor()).isEqualTo("demo: scrapes etcd, pageserver, safekeeper on /metrics");
        PodMonitor monitor = client.resources(PodMonitor.class).inNamespace("present").withName("demo").get();
        assertThat(monitor.getSpec().getSelector().getMatchLabels()).containsEntry(ResourceLabels.INSTANCE, "demo");
        assertThat(monitor.getSpec().getPodMetricsEndpoints()).extracting(PodMetricsEndpoint::getPort)
                .containsExactly("client", "http", "http");
        assertThat(monitor.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(r -> assertThat(r.getName()).isEqualTo("demo"));
    }

    @Test
    void aResyncWithThePodMonitorInPlaceWritesNothing() {
        operator.createAndAwaitPods("resync", WITH_POD_MONITOR);

        assertThat(operator.writesOfResyncs("resync")).isEmpty();
    }

    @Test
    void turningItOffDeletesThePodMonitor() {
        operator.createAndAwaitPods("turned-off", WITH_POD_MONITOR);
        operator.awaitStatus("turned-off", "demo", "a PodMonitor noted", s -> s.getPodMonitor() != null);

        operator.editSpec("turned-off", c -> c.getSpec().getMonitoring().setPodMonitor(false));
        operator.awaitStatus("turned-off", "demo", "no PodMonitor noted", s -> s.getPodMonitor() == null);

        assertThat(client.resources(PodMonitor.class).inNamespace("turned-off").list().getItems()).isEmpty();
        assertThat(operator.eventReasons("turned-off")).contains("Deleted");
    }

    @Test
    void aClusterThatDoesNotAskGetsNone() {
        operator.createAndAwaitPods("off", ClusterFixtures.DEMO);
        operator.markAllReady("off");
        NeonClusterStatus status = operator.awaitRunning("off");

        assertThat(status.getPodMonitor()).isNull();
        assertThat(client.resources(PodMonitor.class).inNamespace("off").list().getItems()).isEmpty();
    }
}

package io.neonops.operator.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.reconcile.PodMonitorSync;
import io.neonops.operator.reconcile.ReconcileSettings;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.runtime.LeaderElection;
import io.neonops.operator.runtime.NeonOperator;
import io.neonops.operator.runtime.OperatorSettings;
import io.neonops.operator.runtime.OperatorStartException;
import io.neonops.operator.tenant.NeonTenant;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.FakeKubelet;
import io.neonops.operator.testing.FakeSafekeepers;
import io.neonops.operator.testing.LeaseAccess;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The running operator asks the API server for nothing that {@link RequiredPermissions} (and so the chart's RBAC
 * rules) leaves out: every request it sends while it creates, repairs, reports and rolls a cluster and holds its
 * Lease is mapped to the permission RBAC would check.
 */
@EnableKubernetesMockClient(crud = true)
class RequestsWithinPermissionsTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    static final String WATCHED = "team-a";
    static final String LEASE_NAMESPACE = "operators";
    /** The image the roll moves the cluster to from {@link ClusterFixtures#demo}'s. */
    static final String NEW_IMAGE = "neondatabase/neon:4300";

    @Test
    void everyRequestOfTheOperatorIsGranted() throws OperatorStartException, InterruptedException {
        OperatorHarness.installCrd(client);
        LeaseAccess.grant(server);
        Config operatorConfig = new ConfigBuilder(client.getConfiguration()).withUserAgent(NeonOperator.USER_AGENT).build();
        RequiredPermissions required;
        // the roll asks the safekeepers for their WAL positions before restarting each one; these hold no timelines
        try (FakeSafekeepers safekeepers = FakeSafekeepers.start();
             KubernetesClient operatorClient = new KubernetesClientBuilder().withConfig(operatorConfig).build();
             NeonOperator operator = NeonOperator.create(operatorClient, new OperatorSettings(Set.of(WATCHED),
                     new ReconcileSettings(false, KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN, "test")
                             .withSafekeepers(safekeepers.connector()),
                     OperatorHarness.RESYNC, Optional.of(new LeaderElection(LEASE_NAMESPACE, "neon-operator", "replica-a"))),
                     new SimpleMeterRegistry())) {
            required = operator.requiredPermissions();
            operator.start();
            FakeKubelet kubelet = FakeKubelet.start(client, WATCHED, Duration.ofMillis(100), pod -> false);
            try {
                exerciseTheReconciler();
                exerciseTheTenantReconciler();
                roll();
            } finally {
                kubelet.close();
            }
        }

        List<ApiRequest> requests = operatorRequests();
        List<ApiRequest> denied = requests.stream().filter(r -> !granted(r, required)).toList();

        assertThat(denied).as("requests outside %s", required).isEmpty();
        assertThat(requests).extracting(r -> r.permission().orElseThrow().toString()).contains(
                "watch neonops.io/neonclusters", "create pods", "patch configmaps", "patch neonops.io/neonclusters/status",
                "delete pods", "create events.k8s.io/events", "create coordination.k8s.io/leases", "patch coordination.k8s.io/leases",
                "watch neonops.io/neontenants", "patch neonops.io/neontenants", "patch neonops.io/neontenants/status",
                "watch neonops.io/neontimelines");
    }

    /** Creation, a status, a deleted pod and an overwritten ConfigMap, each answered by the operator. */
    private static void exerciseTheReconciler() {
        ClusterFixtures.create(client, WATCHED, ClusterFixtures.DEMO);
        Poll.until("five pods", () -> client.pods().inNamespace(WATCHED).list().getItems().size() == 5);
        Poll.until("a phase in the status", () -> phase() != null);
        client.pods().inNamespace(WATCHED).withName("demo-safekeeper-0").delete();
        client.configMaps().inNamespace(WATCHED).withName("demo-pageserver").edit(c -> {
            c.setData(Map.of("pageserver.toml", "overwritten"));
            return c;
        });
        Poll.until("demo-safekeeper-0 recreated", () -> client.pods().inNamespace(WATCHED).withName("demo-safekeeper-0")
                .get() != null);
        Poll.until("the ConfigMap restored", () -> !client.configMaps().inNamespace(WATCHED).withName("demo-pageserver")
                .get().getData().get("pageserver.toml").equals("overwritten"));
    }

    /**
     * A NeonTenant on the 2022 cluster, whose pageservers this test does not run (a condition says so): its finalizer
     * added and removed, its status written. Under Retain its deletion asks nothing of Neon.
     */
    private static void exerciseTheTenantReconciler() {
        NeonTenant tenant = client.getKubernetesSerialization().unmarshal("""
                apiVersion: neonops.io/v1alpha1
                kind: NeonTenant
                metadata: {name: db}
                spec: {cluster: demo, deletionPolicy: Retain}
                """, NeonTenant.class);
        tenant.getMetadata().setNamespace(WATCHED);
        client.resource(tenant).create();
        Poll.until("the tenant's status", () -> client.resources(NeonTenant.class).inNamespace(WATCHED).withName("db")
                .get().getStatus() != null);
        client.resources(NeonTenant.class).inNamespace(WATCHED).withName("db").delete();
        Poll.until("the tenant gone", () -> client.resources(NeonTenant.class).inNamespace(WATCHED).withName("db")
                .get() == null);
    }

    /** A new image, which the operator rolls out by deleting each pod in turn; the fake kubelet readies them. */
    private static void roll() {
        Poll.until("phase Running", () -> phase() == ClusterPhase.RUNNING);
        client.resources(NeonCluster.class).inNamespace(WATCHED).withName("demo").edit(c -> {
            c.getSpec().setImage(NEW_IMAGE);
            return c;
        });
        Poll.until("every pod runs " + NEW_IMAGE, () -> phase() == ClusterPhase.RUNNING
                && NEW_IMAGE.equals(cluster().getStatus().getImage()));
    }

    private static boolean granted(ApiRequest request, RequiredPermissions required) {
        if (request.permission().isEmpty()) {
            // Kubernetes' system:discovery role grants the version and API discovery to every authenticated user
            return request.path().equals("/version") || request.path().equals("/apis/" + PodMonitorSync.API_VERSION);
        }
        ApiPermission permission = request.permission().get();
        if (request.namespace().filter(LEASE_NAMESPACE::equals).isPresent()
                && required.inLeaseNamespace().contains(permission)) {
            return true;
        }
        return RequiredPermissions.GRANTED_TO_EVERY_USER.contains(permission)
                || request.namespace().filter(WATCHED::equals).isPresent() && required.inWatchedNamespaces().contains(permission);
    }

    private static List<ApiRequest> operatorRequests() throws InterruptedException {
        List<ApiRequest> requests = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
            String agent = request.getHeader("User-Agent");
            if (agent != null && agent.startsWith(NeonOperator.USER_AGENT)) {
                requests.add(ApiRequest.parse(request.getMethod(), request.getPath()));
            }
        }
        return requests;
    }

    private static NeonCluster cluster() {
        return client.resources(NeonCluster.class).inNamespace(WATCHED).withName("demo").get();
    }

    private static ClusterPhase phase() {
        NeonCluster cluster = cluster();
        return cluster.getStatus() == null ? null : cluster.getStatus().getPhase();
    }
}

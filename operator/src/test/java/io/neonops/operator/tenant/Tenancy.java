package io.neonops.operator.tenant;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.FakeLegacyPageservers;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Poll;
import io.neonops.operator.testing.Started;
import io.neonops.operator.timeline.NeonTimeline;
import io.neonops.operator.timeline.NeonTimelineStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tenants and timelines written as a user writes them, on a modern cluster made Ready as a kubelet and the
 * pageservers would: its pods marked Ready, its pageservers registered with the harness's fake storage controller.
 */
public final class Tenancy {

    /** A modern cluster serving Postgres 16 and 17 (default 17) with {@code pageserverLines} added. */
    public static String modernCluster(String... more) {
        String[] lines = new String[4 + more.length];
        lines[0] = "storageBroker: {}";
        lines[1] = "storageController: {}";
        lines[2] = "remoteStorage: {bucket: b, region: r}";
        lines[3] = "postgres: {versions: [16, 17], defaultVersion: 17}";
        System.arraycopy(more, 0, lines, 4, more.length);
        return ClusterFixtures.demo(lines);
    }

    private final KubernetesClient client;
    public final OperatorHarness operator;
    public final String namespace;

    private Tenancy(KubernetesClient client, OperatorHarness operator, String namespace) {
        this.client = client;
        this.operator = operator;
        this.namespace = namespace;
    }

    /** An operator for {@code namespace} alone; no cluster yet. */
    public static Tenancy start(Started started, KubernetesMockServer server, KubernetesClient client, String namespace) {
        OperatorHarness operator = started.closeLater(OperatorHarness.start(server, client, Set.of(namespace), urls -> {
            throw new AssertionError("a modern cluster has no etcd to ask");
        }));
        return new Tenancy(client, operator, namespace);
    }

    /** An operator for {@code namespace} alone that reaches the 2022 pageservers through {@code pageservers}. */
    public static Tenancy start2022(Started started, KubernetesMockServer server, KubernetesClient client,
                                    String namespace, FakeLegacyPageservers pageservers) {
        return new Tenancy(client, started.closeLater(OperatorHarness.start(server, client, Set.of(namespace),
                pageservers.connector(), OperatorHarness.RESYNC)), namespace);
    }

    /**
     * Creates the 2022 etcd-topology cluster {@code demo} (Postgres 14 and 15, default 15) with {@code pageservers}
     * pageservers and the spec lines {@code more}, and waits until it is Running.
     */
    public Tenancy ready2022Cluster(int pageservers, String... more) {
        String[] lines = new String[2 + more.length];
        lines[0] = "postgres: {versions: [14, 15], defaultVersion: 15}";
        lines[1] = "pageserver: {replicas: " + pageservers + "}";
        System.arraycopy(more, 0, lines, 2, more.length);
        operator.create(namespace, ClusterFixtures.demo(lines));
        Poll.until("every pod of the 2022 cluster", () -> operator.podNames(namespace).size() == 4 + pageservers);
        operator.markAllReady(namespace);
        operator.awaitRunning(namespace);
        return this;
    }

    /** Creates cluster {@code demo} from {@code manifest} with {@code pageservers} pageservers and waits until it is Running (its pageservers registered with the storage controller as they start). */
    public Tenancy readyCluster(String manifest, int pageservers) {
        operator.create(namespace, manifest);
        Poll.until("every pod of the modern cluster", () -> operator.podNames(namespace).size() == 6 + pageservers);
        operator.markAllReady(namespace);
        operator.awaitRunning(namespace);
        return this;
    }

    public Tenancy readyCluster() {
        return readyCluster(modernCluster(), 1);
    }

    public NeonTenant createTenant(String name, String... specLines) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: neonops.io/v1alpha1
                kind: NeonTenant
                metadata:
                  name: %s
                spec:
                  cluster: demo
                """.formatted(name));
        for (String line : specLines) {
            yaml.append("  ").append(line).append('\n');
        }
        NeonTenant tenant = client.getKubernetesSerialization().unmarshal(yaml.toString(), NeonTenant.class);
        tenant.getMetadata().setNamespace(namespace);
        return client.resource(tenant).create();
    }

    public NeonTimeline createTimeline(String name, String tenant, String... specLines) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: neonops.io/v1alpha1
                kind: NeonTimeline
                metadata:
                  name: %s
                spec:
                  tenant: %s
                """.formatted(name, tenant));
        for (String line : specLines) {
            yaml.append("  ").append(line).append('\n');
        }
        NeonTimeline timeline = client.getKubernetesSerialization().unmarshal(yaml.toString(), NeonTimeline.class);
        timeline.getMetadata().setNamespace(namespace);
        return client.resource(timeline).create();
    }

    public NeonTenant tenant(String name) {
        return client.resources(NeonTenant.class).inNamespace(namespace).withName(name).get();
    }

    public NeonTimeline timeline(String name) {
        return client.resources(NeonTimeline.class).inNamespace(namespace).withName(name).get();
    }

    public NeonTenantStatus awaitTenant(String name, String what, Predicate<NeonTenantStatus> test) {
        return Poll.value(namespace + "/" + name + " tenant status: " + what,
                () -> Optional.ofNullable(tenant(name)).map(NeonTenant::getStatus).filter(test));
    }

    public NeonTimelineStatus awaitTimeline(String name, String what, Predicate<NeonTimelineStatus> test) {
        return Poll.value(namespace + "/" + name + " timeline status: " + what,
                () -> Optional.ofNullable(timeline(name)).map(NeonTimeline::getStatus).filter(test));
    }

    public NeonTenantStatus awaitTenantReady(String name) {
        return awaitTenant(name, "Ready", s -> isTrue(s.getConditions() == null ? null : ready(s.getConditions())));
    }

    public NeonTimelineStatus awaitTimelineReady(String name) {
        return awaitTimeline(name, "Ready", s -> isTrue(s.getConditions() == null ? null : ready(s.getConditions())));
    }

    /** Waits until the Ready condition's reason is {@code reason}, and returns that condition. */
    public Condition awaitTenantReason(String name, String reason) {
        return ready(awaitTenant(name, "Ready reason " + reason, s -> hasReason(s.getConditions(), reason)).getConditions());
    }

    public Condition awaitTimelineReason(String name, String reason) {
        return ready(awaitTimeline(name, "Ready reason " + reason, s -> hasReason(s.getConditions(), reason)).getConditions());
    }

    public void awaitTenantGone(String name) {
        Poll.until("NeonTenant " + name + " gone", () -> tenant(name) == null);
    }

    public void awaitTimelineGone(String name) {
        Poll.until("NeonTimeline " + name + " gone", () -> timeline(name) == null);
    }

    private static boolean hasReason(List<Condition> conditions, String reason) {
        return conditions != null && ClusterConditions.find(conditions, ClusterConditions.READY)
                .filter(c -> reason.equals(c.getReason())).isPresent();
    }

    private static Condition ready(List<Condition> conditions) {
        return ClusterConditions.find(conditions, ClusterConditions.READY).orElse(null);
    }

    private static boolean isTrue(Condition condition) {
        return condition != null && ClusterConditions.TRUE.equals(condition.getStatus());
    }
}

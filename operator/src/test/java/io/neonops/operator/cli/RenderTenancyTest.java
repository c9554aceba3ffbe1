package io.neonops.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.neonops.operator.tenant.NeonIds;
import io.neonops.operator.tenant.NeonTenant;
import io.neonops.operator.timeline.NeonTimeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code render --tenants}: the requests the operator would make for tenants and timelines, offline. */
class RenderTenancyTest {

    private static final Path CLUSTER = Path.of("..", "examples", "neoncluster.yaml");
    private static final Path TENANT = Path.of("..", "examples", "neontenant.yaml");
    private static final Path BRANCH = Path.of("..", "examples", "neontimeline-branch.yaml");

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private static Result render(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RenderCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println(e.getMessage());
            return 1;
        });
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void printsTheRequestsForTheExampleTenantAndTimelinesAfterTheClustersObjects() {
        String tenant = NeonIds.derived(NeonTenant.KIND, "default", "app");
        String main = NeonIds.derived(NeonTimeline.KIND, "default", "app-main");
        String preview = NeonIds.derived(NeonTimeline.KIND, "default", "app-preview");

        Result result = render("-f", CLUSTER.toString(), "--tenants", TENANT.toString(), "--tenants", BRANCH.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains(
                "# NeonTenant default/app: tenant " + tenant + " on NeonCluster neon, through its storage controller http://",
                "#   GET /control/v1/tenant/" + tenant + "   # adopted when it exists",
                "#   POST /v1/tenant {\"new_tenant_id\":\"" + tenant + "\",\"placement_policy\":{\"Attached\":0},",
                "\"pitr_interval\":\"7 days\"",
                "#   deletion: nothing in Neon (deletionPolicy Retain)",
                "#   POST /v1/tenant/" + tenant + "/timeline {\"new_timeline_id\":\"" + main + "\",\"pg_version\":17}",
                "#   GET /v1/tenant/" + tenant + "/timeline/" + main + "/get_lsn_by_timestamp?timestamp=2026-11-30T09:00:00Z",
                "\"new_timeline_id\":\"" + preview + "\",\"ancestor_timeline_id\":\"" + main + "\"",
                "#   deletion: DELETE /v1/tenant/" + tenant + "/timeline/" + preview + " once no timeline branches from it");
        @SuppressWarnings("unchecked")
        List<HasMetadata> objects = (List<HasMetadata>) new KubernetesSerialization().unmarshal(result.out());
        assertThat(objects).as("still one valid YAML stream of the cluster's objects").isNotEmpty();
    }

    @Test
    void onA2022EtcdClusterPrintsThePageserverRequestsOfTheTenantAndItsTimelines() throws IOException {
        Path manifests = Files.writeString(dir.resolve("tenancy.yaml"), """
                apiVersion: neonops.io/v1alpha1
                kind: NeonTenant
                metadata: {name: db}
                spec: {cluster: demo, deletionPolicy: Delete, config: {gcPeriod: 1h}}
                ---
                apiVersion: neonops.io/v1alpha1
                kind: NeonTimeline
                metadata: {name: main}
                spec: {tenant: db}
                ---
                apiVersion: neonops.io/v1alpha1
                kind: NeonTimeline
                metadata: {name: dev}
                spec: {tenant: db, parent: main, branchPoint: {lsn: 0/1000000}}
                """);
        String tenant = NeonIds.derived(NeonTenant.KIND, "default", "db");
        String main = NeonIds.derived(NeonTimeline.KIND, "default", "main");

        Result result = render("-f", Path.of("..", "examples", "neoncluster-etcd.yaml").toString(), "--tenants",
                manifests.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains(
                "# NeonTenant default/db: tenant " + tenant + " on NeonCluster demo, through its pageservers' 2022 API",
                "#   GET /v1/tenant on each pageserver   # adopted where it is listed",
                "#   GET /v1/tenant/" + tenant + "/timeline on the tenant's pageserver   # adopted when it is listed",
                "#   POST /v1/tenant {\"new_tenant_id\":\"" + tenant + "\"} to http://demo-pageserver-0.",
                "#   PUT /v1/tenant/config {\"tenant_id\":[",
                "\"gc_period\":\"1h\"",
                "#   deletion: its timelines, children first, then DELETE /v1/tenant/" + tenant + " on every safekeeper and"
                        + " POST /v1/tenant/" + tenant + "/detach",
                "#   POST /v1/tenant/" + tenant + "/timeline {\"new_timeline_id\":\"" + main + "\"",
                "\"pg_version\":15",
                "\"ancestor_timeline_id\":\"" + main + "\",\"ancestor_start_lsn\":\"0/1000000\"");
        assertThat(result.out()).doesNotContain("/control/v1");
    }

    @Test
    void aTenantWhoseClusterIsNotRenderedIsRefusedNamingIt() throws IOException {
        Path tenant = Files.writeString(dir.resolve("t.yaml"),
                "apiVersion: neonops.io/v1alpha1\nkind: NeonTenant\nmetadata: {name: db}\nspec: {cluster: other}\n");

        Result result = render("-f", CLUSTER.toString(), "--tenants", tenant.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("NeonTenant default/db: spec.cluster: NeonCluster other is not among the rendered"
                + " clusters");
    }

    @Test
    void aShardedTenantOnA2022ClusterIsRefusedAsTheOperatorRefusesIt() throws IOException {
        Path tenant = Files.writeString(dir.resolve("t.yaml"),
                "apiVersion: neonops.io/v1alpha1\nkind: NeonTenant\nmetadata: {name: db}\nspec: {cluster: demo, shardCount: 2}\n");

        Result result = render("-f", Path.of("..", "examples", "neoncluster-etcd.yaml").toString(), "--tenants",
                tenant.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("NeonTenant default/db: spec.shardCount: NeonCluster demo runs the 2022 etcd"
                + " topology: its pageservers do not shard tenants");
    }

    @Test
    void anotherKindInTheTenantsFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("x.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");

        Result result = render("-f", CLUSTER.toString(), "--tenants", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("kind NeonTenant or NeonTimeline, got kind \"ConfigMap\"");
    }
}

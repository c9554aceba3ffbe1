package io.neonops.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.neonops.operator.testing.ClusterFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {

    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of one command line. */
    private record Result(int exit, String out, String err) {
    }

    private static Result render(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RenderCommand(stdin)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println(e.getMessage());
            return 1;
        });
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    private static Result render(String... args) {
        return render(InputStream.nullInputStream(), args);
    }

    private static List<HasMetadata> objects(String yamlStream) {
        Object parsed = new KubernetesSerialization().unmarshal(yamlStream);
        @SuppressWarnings("unchecked")
        List<HasMetadata> objects = (List<HasMetadata>) parsed;
        return objects;
    }

    @Test
    void printsEveryObjectOfTheClusterAsOneYamlStream() throws IOException {
        Path file = Files.writeString(dir.resolve("demo.yaml"), ClusterFixtures.DEMO);

        Result result = render("-f", file.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("---\n");
        assertThat(objects(result.out())).hasSize(16).allSatisfy(o -> {
            assertThat(o.getMetadata().getNamespace()).isEqualTo("default");
            assertThat(o.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", "demo");
        });
    }

    @Test
    void sameFileRendersTheSameBytes() throws IOException {
        Path file = Files.writeString(dir.resolve("demo.yaml"), ClusterFixtures.DEMO
                + "  pageserver: {resources: {requests: {memory: 1Gi, cpu: 500m}}}\n");

        assertThat(render("-f", file.toString()).out()).isEqualTo(render("-f", file.toString()).out());
    }

    @Test
    void readsStandardInputAndUsesTheNamespaceOfTheManifest() {
        String manifest = ClusterFixtures.DEMO.replace("  name: demo", "  name: demo\n  namespace: storage");

        Result result = render(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)), "-f", "-");

        assertThat(objects(result.out())).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("storage"));
    }

    @Test
    void ownerReferencesCarryTheUidOfAnAppliedResource() throws IOException {
        Path file = Files.writeString(dir.resolve("demo.yaml"),
                ClusterFixtures.DEMO.replace("  name: demo", "  name: demo\n  uid: 1234-abcd"));

        List<HasMetadata> objects = objects(render("-f", file.toString()).out());

        assertThat(objects).filteredOn(o -> o.getKind().equals("Pod")).allSatisfy(o ->
                assertThat(o.getMetadata().getOwnerReferences()).singleElement()
                        .satisfies(r -> assertThat(r.getUid()).isEqualTo("1234-abcd")));
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");

        Result result = render("-f", missing.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo(missing + ": no such file");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void invalidYamlIsNamedWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "apiVersion: neonops.io/v1alpha1\nspec: [unclosed\n");

        Result result = render("-f", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith(file + ": not valid YAML").contains("line");
    }

    @Test
    void otherKindIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("deploy.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n");

        Result result = render("-f", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith(file + ": expected apiVersion neonops.io/v1alpha1 and kind NeonCluster")
                .contains("\"Deployment\"");
    }

    @Test
    void invalidSpecNamesEveryRefusedField() throws IOException {
        Path file = Files.writeString(dir.resolve("demo.yaml"),
                ClusterFixtures.DEMO + "  etcd: {replicas: 2}\n  safekeepers: {replicas: 1}\n");

        Result result = render("-f", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("spec.etcd.replicas", "spec.safekeepers.replicas");
        assertThat(result.err().strip()).doesNotContain("\n");
    }

    @Test
    void aStorageBrokerClusterIsRenderedWithItsBrokerControllerAndDatabase() throws IOException {
        Path file = Files.writeString(dir.resolve("modern.yaml"), ClusterFixtures.demo("storageBroker: {}",
                "storageController: {}", "remoteStorage: {bucket: b, region: r}"));

        Result result = render("-f", file.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("name: \"demo-storage-broker-0\"", "name: \"demo-storage-controller-0\"",
                "name: \"demo-storage-controller-db-0\"", "kind: \"Secret\"").doesNotContain("demo-etcd");
    }

    @Test
    void everyClusterOfAMultiDocumentFileIsRendered() throws IOException {
        Path file = Files.writeString(dir.resolve("two.yaml"), ClusterFixtures.DEMO + "---\n"
                + ClusterFixtures.DEMO.replace("  name: demo", "  name: second"));

        Result result = render("-f", file.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        List<HasMetadata> objects = objects(result.out());
        assertThat(objects).anySatisfy(o -> assertThat(o.getMetadata().getName()).startsWith("demo-"))
                .anySatisfy(o -> assertThat(o.getMetadata().getName()).startsWith("second-"));
        assertThat(objects).hasSize(2 * objects(render("-f", Files.writeString(dir.resolve("one.yaml"), ClusterFixtures.DEMO)
                .toString()).out()).size());
    }

    @Test
    void aBadClusterOfSeveralRendersNothingAndIsNamedByItsDocument() throws IOException {
        Path file = Files.writeString(dir.resolve("two.yaml"), ClusterFixtures.DEMO + "---\n"
                + ClusterFixtures.DEMO.replace("  name: demo", "  name: second") + "  etcd: {replicas: 2}\n");

        Result result = render("-f", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith(file + " (document 2): invalid NeonCluster: spec.etcd.replicas");
    }

    @Test
    void aDeviceIsRefusedBeforeReading() {
        Result result = render("-f", "/dev/zero");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("/dev/zero: not a regular file");
    }

    @Test
    void fileIsRequired() {
        Result result = render();

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--filename=FILE'");
    }
}

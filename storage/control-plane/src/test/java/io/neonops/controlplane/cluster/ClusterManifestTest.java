package io.neonops.controlplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterManifestTest {

    static final String MANIFEST = """
            apiVersion: neonops.io/v1alpha1
            kind: NeonCluster
            metadata:
              name: demo
            spec:
              image: neondatabase/neon:4270
            """;

    @Test
    void readsAManifestFileWithTheDefaultNamespace(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), MANIFEST);

        ClusterManifest manifest = ClusterManifest.read(file);

        assertThat(manifest.spec().name()).isEqualTo("demo");
        assertThat(manifest.spec().namespace()).isEqualTo("default");
        assertThat(ClusterManifest.parse(manifest.toJson(), "copy").spec()).isEqualTo(manifest.spec());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ClusterManifest.read(file)).isInstanceOf(ManifestException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    void invalidYamlIsNamedWithItsLine() {
        refusing("kind: [unclosed\n")
                .hasMessageStartingWith("c.yaml: not valid YAML").hasMessageContaining("line");
    }

    @Test
    void aYamlSyntaxErrorIsOneLineWithItsLine() {
        refusing("apiVersion: neonops.io/v1alpha1\nspec: [unclosed\n")
                .hasMessage("c.yaml: not valid YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end> (line 3)");
    }

    @Test
    void wrongKindIsRefused() {
        refusing("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n")
                .hasMessage("c.yaml: expected apiVersion neonops.io/v1alpha1 and kind NeonCluster, got apiVersion \"v1\" and kind \"Pod\"");
        refusing("- a\n- b\n")
                .hasMessage("c.yaml: expected a NeonCluster manifest (a YAML mapping)");
    }

    @Test
    void invalidSpecNamesFileAndField() {
        refusing(MANIFEST + "  etcd: {replicas: 4}\n")
                .hasMessageStartingWith("c.yaml: invalid NeonCluster: spec.etcd.replicas: must be odd");
    }

    @Test
    void aDeviceIsRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> ClusterManifest.read(Path.of("/dev/zero")))
                .hasMessage("/dev/zero: not a regular file (a device, pipe or socket); a manifest is a YAML file");
    }

    @Test
    void aDirectoryIsRefusedSayingWhatItIs(@TempDir Path dir) {
        assertThatThrownBy(() -> ClusterManifest.read(dir))
                .hasMessage(dir + ": not a regular file (a directory); a manifest is a YAML file");
    }

    @Test
    void aFileLargerThanOneMebibyteIsRefusedWithItsSize(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("big.yaml"), MANIFEST + "#" + "x".repeat(ClusterManifest.MAX_BYTES) + "\n");

        assertThatThrownBy(() -> ClusterManifest.read(file))
                .hasMessage(file + ": " + Files.size(file) + " bytes, more than the 1048576 bytes (1 MiB) a manifest may have");
    }

    @Test
    void anEndlessStreamIsReadNoFurtherThanTheLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };

        assertThatThrownBy(() -> ClusterManifest.decode(endless, "<stdin>"))
                .hasMessage("<stdin>: over 1048576 bytes, more than the 1048576 bytes (1 MiB) a manifest may have");
    }

    @Test
    void anUnreadableFileIsNamedWithTheReason(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), MANIFEST);
        Files.setPosixFilePermissions(file, Set.of());
        assumeThat(Files.isReadable(file)).as("root reads any file").isFalse();

        assertThatThrownBy(() -> ClusterManifest.read(file)).hasMessage(file + ": cannot read: permission denied");
    }

    @Test
    void notUtf8IsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("c.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});

        assertThatThrownBy(() -> ClusterManifest.read(file)).hasMessage(file + ": not UTF-8 text; a manifest is a YAML file");
    }

    @Test
    void anAbsurdlyLongScalarIsRefused() {
        String manifest = MANIFEST.replace("neondatabase/neon:4270", "x".repeat(ClusterManifest.MAX_SCALAR_LENGTH + 1));

        refusing(manifest)
                .hasMessage("c.yaml: invalid NeonCluster: spec.image: is 65537 characters long, more than the 65536 a value may have");
    }

    @Test
    void severalClustersAreRefusedWhereOneIsExpectedAndAllReturnedByParseAll() throws Exception {
        String two = MANIFEST + "---\n" + MANIFEST.replace("name: demo", "name: second") + "---\n";

        refusing(two)
                .hasMessage("c.yaml: holds 2 NeonClusters (demo, second); one cluster is expected here: give a file with one");
        assertThat(ClusterManifest.parseAll(two, "c.yaml")).extracting(m -> m.spec().name()).containsExactly("demo", "second");
    }

    @Test
    void aBadDocumentOfSeveralIsNamedByItsNumber() {
        assertThatThrownBy(() -> ClusterManifest.parseAll(MANIFEST + "---\napiVersion: v1\nkind: Pod\n", "c.yaml"))
                .hasMessageStartingWith("c.yaml (document 2): expected apiVersion neonops.io/v1alpha1");
    }

    @Test
    void anEmptyFileIsRefused() {
        refusing("# nothing\n")
                .hasMessage("c.yaml: expected a NeonCluster manifest (a YAML mapping), got an empty file");
    }

    @Test
    void duplicateKeysAreRefusedAtEveryLevel() {
        refusing(MANIFEST + "spec: {}\n")
                .hasMessageStartingWith("c.yaml: not valid YAML: Duplicate field 'spec'");
        refusing(MANIFEST + "  image: other\n")
                .hasMessageStartingWith("c.yaml: not valid YAML: Duplicate field 'image'");
    }

    @Test
    void unknownFieldsAreRefusedWithTheirPathAtEveryLevel() {
        refusing(MANIFEST + "specc: {}\n")
                .hasMessageStartingWith("c.yaml: invalid NeonCluster: specc: unknown field (known: apiVersion, kind, metadata, spec, status)");
        refusing(MANIFEST.replace("  name: demo", "  name: demo\n  labelz: {}"))
                .hasMessageStartingWith("c.yaml: invalid NeonCluster: metadata.labelz: unknown field");
        refusing(MANIFEST + "  imagee: x\n")
                .hasMessageStartingWith("c.yaml: invalid NeonCluster: spec.imagee: unknown field");
        refusing(MANIFEST + "  etcd: {replica: 3}\n")
                .hasMessageStartingWith("c.yaml: invalid NeonCluster: spec.etcd.replica: unknown field");
        refusing(MANIFEST + "  etcd: {storage: {sise: 1Gi}}\n")
                .hasMessageStartingWith("c.yaml: invalid NeonCluster: spec.etcd.storage.sise: unknown field");
    }

    @Test
    void anInvalidNamespaceIsRefused() {
        refusing(MANIFEST.replace("  name: demo", "  name: demo\n  namespace: Team_A"))
                .hasMessage("c.yaml: invalid NeonCluster: metadata.namespace: must be a DNS label (lower-case letters, digits and"
                        + " '-', starting and ending with a letter or digit, at most 63 characters), got \"Team_A\"");
    }

    @Test
    void anUnknownResourceNameIsRefusedWithItsPath() throws Exception {
        refusing(MANIFEST + "  pageserver: {resources: {requests: {cpuu: 1}}}\n")
                .hasMessageStartingWith("c.yaml: invalid NeonCluster: spec.pageserver.resources.requests.cpuu: is not a container"
                        + " resource (cpu, ephemeral-storage, memory, hugepages-<size>, or an extended resource");
        ClusterManifest accepted = ClusterManifest.parse(MANIFEST + "  pageserver: {resources: {limits: {memory: 1Gi,"
                + " hugepages-2Mi: 1Gi, example.com/gpu: 1}}}\n", "c.yaml");
        assertThat(accepted.spec().pageserver().resources().limits()).containsOnlyKeys("memory", "hugepages-2Mi", "example.com/gpu");
    }

    @Test
    void whatKubectlGetPrintsIsAccepted() throws Exception {
        String fromKubectl = MANIFEST.replace("  name: demo", "  name: demo\n  namespace: team-a\n  uid: 1234\n"
                + "  resourceVersion: \"7\"\n  labels: {app: neon}") + "status: {phase: Ready}\n";

        assertThat(ClusterManifest.parse(fromKubectl, "c.yaml").spec().namespace()).isEqualTo("team-a");
    }

    /** The refusal of a manifest {@code c.yaml} with this text. */
    private static AbstractThrowableAssert<?, ? extends Throwable> refusing(String yaml) {
        return assertThatThrownBy(() -> ClusterManifest.parse(yaml, "c.yaml")).isInstanceOf(ManifestException.class);
    }
}

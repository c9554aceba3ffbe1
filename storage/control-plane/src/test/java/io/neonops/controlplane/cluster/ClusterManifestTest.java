package io.neonops.controlplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThatThrownBy(() -> ClusterManifest.parse("kind: [unclosed\n", "c.yaml"))
                .hasMessageStartingWith("c.yaml: not valid YAML").hasMessageContaining("line");
    }

    @Test
    void wrongKindIsRefused() {
        assertThatThrownBy(() -> ClusterManifest.parse("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n", "c.yaml"))
                .hasMessage("c.yaml: expected apiVersion neonops.io/v1alpha1 and kind NeonCluster, got apiVersion \"v1\" and kind \"Pod\"");
        assertThatThrownBy(() -> ClusterManifest.parse("- a\n- b\n", "c.yaml"))
                .hasMessage("c.yaml: expected a NeonCluster manifest (a YAML mapping)");
    }

    @Test
    void invalidSpecNamesFileAndField() {
        assertThatThrownBy(() -> ClusterManifest.parse(MANIFEST + "  etcd: {replicas: 4}\n", "c.yaml"))
                .hasMessageStartingWith("c.yaml: invalid NeonCluster: spec.etcd.replicas: must be odd");
    }
}

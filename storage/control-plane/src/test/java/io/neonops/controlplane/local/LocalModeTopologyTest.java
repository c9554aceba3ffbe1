package io.neonops.controlplane.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode runs the 2022 topology; a storage-broker manifest is refused in one line naming the field. */
class LocalModeTopologyTest {

    @TempDir
    Path dir;

    @Test
    void startRefusesAStorageBrokerClusterNamingTheFieldAndStartsNothing() throws IOException {
        Path manifest = Files.writeString(dir.resolve("modern.yaml"), """
                apiVersion: neonops.io/v1alpha1
                kind: NeonCluster
                metadata:
                  name: modern
                spec:
                  image: neondatabase/neon:8000
                  storageBroker: {}
                  storageController: {}
                  remoteStorage: {bucket: b, region: r}
                """);
        Path workDir = dir.resolve("work");

        LocalCli.Outcome start = LocalCli.run("start", "-f", manifest.toString(), "--dir", workDir.toString());

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.err()).isEqualTo("local: " + manifest + ": spec.storageBroker: the modern topology (storage"
                + " broker and storage controller) is not yet supported in local mode\n");
        assertThat(workDir.resolve("cluster.yaml")).doesNotExist();
    }
}

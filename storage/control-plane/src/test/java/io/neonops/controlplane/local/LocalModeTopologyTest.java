package io.neonops.controlplane.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mode runs both topologies, but not the storage-broker one with auth (its JWTs come only from Secrets): that
 * manifest is refused in one line naming the field.
 */
class LocalModeTopologyTest {

    @TempDir
    Path dir;

    @Test
    void startRefusesAStorageBrokerClusterWithAuthNamingTheFieldAndStartsNothing() throws IOException {
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
                  auth: {enabled: true, publicKeySecret: keys, storageControllerSecret: storcon}
                """);
        Path workDir = dir.resolve("work");

        LocalCli.Outcome start = LocalCli.run("start", "-f", manifest.toString(), "--dir", workDir.toString());

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.err()).isEqualTo("local: " + manifest + ": spec.auth.enabled: the storage controller's JWTs come"
                + " from Secrets, which are not read in local mode; run the storage-broker topology without auth in local mode\n");
        assertThat(workDir.resolve("cluster.yaml")).doesNotExist();
    }
}

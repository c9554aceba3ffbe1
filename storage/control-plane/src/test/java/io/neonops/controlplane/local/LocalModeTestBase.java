package io.neonops.controlplane.local;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.neonops.controlplane.testsupport.ProcessTable;

/**
 * A temporary directory holding a manifest with free ports and the work directory of the cluster; whatever a test
 * started in it is stopped afterwards, and killed by pid if stop could not.
 */
abstract class LocalModeTestBase {

    @TempDir
    Path dir;

    Path workDir;
    Path manifest;
    LocalFixtures.Ports ports;

    abstract String clusterName();

    @BeforeEach
    void writeManifest() throws IOException {
        workDir = dir.resolve("neon");
        ports = LocalFixtures.Ports.free();
        manifest = LocalFixtures.manifest(dir.resolve("cluster.yaml"), clusterName(), ports);
    }

    @AfterEach
    void stopEverythingStarted() {
        try {
            LocalCli.run("stop", "--dir", workDir.toString(), "--immediate");
        } finally {
            ProcessTable.killAll(dir.toString());
        }
    }
}

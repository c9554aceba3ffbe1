package io.neonops.controlplane.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.TestClusters;
import io.neonops.controlplane.component.LocalEnvironment;

class PidFileScanTest {

    @TempDir
    Path dir;

    private List<LocalDaemon> daemonsOf(String specYaml) {
        return daemonsOf(TestClusters.demo(specYaml));
    }

    private List<LocalDaemon> daemonsOf(ClusterSpec cluster) {
        return LocalNodes.of(cluster, new LocalEnvironment(dir, Optional.empty(), dir.resolve("pg"), cluster.localPorts(),
                cluster.etcd().replicas())).stream().map(LocalNode::daemon).toList();
    }

    private static void createPidFiles(List<LocalDaemon> daemons) throws IOException {
        for (LocalDaemon daemon : daemons) {
            Files.createDirectories(daemon.pidFile().getParent());
            Files.writeString(daemon.pidFile(), "1");
        }
    }

    /** What the scan finds is what the manifest would say, ports aside: the layout is the one LocalEnvironment gives. */
    private static List<String> namesAndPidFiles(List<LocalDaemon> daemons) {
        return daemons.stream().map(daemon -> daemon.name() + " " + daemon.pidFile()).toList();
    }

    @Test
    void findsEveryPidFileOfASingleMemberClusterUnderTheManifestsNames() throws IOException {
        List<LocalDaemon> fromManifest = daemonsOf("");
        createPidFiles(fromManifest);

        assertThat(namesAndPidFiles(PidFileScan.daemons(dir))).isEqualTo(namesAndPidFiles(fromManifest));
    }

    @Test
    void findsNumberedMembersInStartOrder() throws IOException {
        List<LocalDaemon> fromManifest = daemonsOf("etcd: {replicas: 3}\npageserver: {replicas: 2}\nsafekeepers: {replicas: 3}\n");
        createPidFiles(fromManifest);
        Files.writeString(dir.resolve("unrelated.pid"), "1");

        assertThat(namesAndPidFiles(PidFileScan.daemons(dir))).isEqualTo(namesAndPidFiles(fromManifest));
    }

    @Test
    void findsTheStorageBrokerTopologysDaemonsInItsStartOrder() throws IOException {
        List<LocalDaemon> fromManifest = daemonsOf(TestClusters.modern("pageserver: {replicas: 2}\nsafekeepers: {replicas: 3}\n"));
        createPidFiles(fromManifest);

        assertThat(namesAndPidFiles(PidFileScan.daemons(dir))).isEqualTo(namesAndPidFiles(fromManifest));
        assertThat(PidFileScan.daemons(dir)).extracting(LocalDaemon::name).startsWith("storage-controller-db",
                "storage-controller", "storage-broker", "safekeeper-1");
        assertThat(fromManifest.get(0).pidFile()).isEqualTo(dir.resolve("storage_controller_db.pid"));
    }

    @Test
    void aMissingDirectoryHasNoDaemons() throws IOException {
        assertThat(PidFileScan.daemons(dir.resolve("nothing"))).isEmpty();
    }
}

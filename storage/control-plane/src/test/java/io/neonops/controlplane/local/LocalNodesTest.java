package io.neonops.controlplane.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.LocalPorts;
import io.neonops.controlplane.cluster.TestClusters;
import io.neonops.controlplane.component.LocalEnvironment;
import io.neonops.controlplane.process.DaemonLaunch;
import io.neonops.controlplane.process.PidFileMode;

class LocalNodesTest {
    private static final Path DIR = Path.of("/work/.neon");

    private static List<LocalNode> nodes(String specYaml) {
        ClusterSpec cluster = TestClusters.demo(specYaml);
        return LocalNodes.of(cluster, new LocalEnvironment(DIR, Optional.of(Path.of("/opt/neon")), Path.of("/opt/pg"),
                cluster.localPorts(), cluster.etcd().replicas()));
    }

    private static List<String> names(List<LocalNode> nodes) {
        return nodes.stream().map(LocalNode::name).toList();
    }

    @Test
    void nodesAreNamedAsTheLocalCommandsTakeThemInStartOrder() {
        assertThat(names(nodes(""))).containsExactly("etcd", "pageserver", "safekeeper-1", "safekeeper-2", "safekeeper-3");
    }

    @Test
    void severalMembersOfAComponentAreNumbered() {
        assertThat(names(nodes("etcd: {replicas: 3}\npageserver: {replicas: 2}\n")))
                .containsExactly("etcd-1", "etcd-2", "etcd-3", "pageserver-1", "pageserver-2",
                        "safekeeper-1", "safekeeper-2", "safekeeper-3");
    }

    @Test
    void selectionKeepsStartOrderAndAComponentNameMeansAllItsNodes() {
        List<LocalNode> all = nodes("");

        assertThat(names(LocalNodes.select(all, List.of("safekeeper-2", "etcd")))).containsExactly("etcd", "safekeeper-2");
        assertThat(names(LocalNodes.select(all, List.of("safekeeper")))).containsExactly("safekeeper-1", "safekeeper-2", "safekeeper-3");
        assertThat(LocalNodes.select(all, List.of())).isEqualTo(all);
    }

    @Test
    void anUnknownComponentIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> LocalNodes.select(nodes(""), List.of("etcd", "safekeeper-4")))
                .hasMessage("unknown component safekeeper-4; this cluster has etcd, pageserver, safekeeper-1, safekeeper-2, safekeeper-3");
    }

    private static DaemonLaunch launch(LocalNode node) {
        return ((LocalNode.FromSpec) node).launch(Duration.ofSeconds(5), Map.of());
    }

    @Test
    void theStorageBrokerTopologyRunsTheDatabaseAsALocalPostgresAndClaimsTheServicesPidFiles() {
        List<LocalNode> nodes = LocalNodes.of(TestClusters.modern(""), new LocalEnvironment(DIR, Optional.of(Path.of("/opt/neon")),
                Path.of("/pg"), LocalPorts.DEFAULTS, 1));

        assertThat(names(nodes)).containsExactly("storage-controller-db", "storage-controller", "storage-broker",
                "safekeeper-1", "safekeeper-2", "safekeeper-3", "pageserver");
        assertThat(nodes.get(0)).isInstanceOf(LocalNode.Postgres.class);
        assertThat(nodes.get(0).daemon().pidFile()).isEqualTo(DIR.resolve("storage_controller_db.pid"));
        DaemonLaunch storageController = launch(nodes.get(1));
        assertThat(storageController.binary()).isEqualTo("/opt/neon/storage_controller");
        assertThat(storageController.pidFileMode()).isEqualTo(PidFileMode.CREATE);
        assertThat(storageController.pidFile()).isEqualTo(DIR.resolve("storage_controller/storage_controller.pid"));
        assertThat(storageController.readinessUrl()).isEqualTo(URI.create("http://127.0.0.1:1234/ready"));
        DaemonLaunch broker = launch(nodes.get(2));
        assertThat(broker.pidFileMode()).isEqualTo(PidFileMode.CREATE);
        assertThat(broker.readinessUrl()).isEqualTo(URI.create("http://127.0.0.1:50051/status"));
    }

    @Test
    void etcdIsLaunchedFromPathWithAPidFileTheLauncherCreates() {
        DaemonLaunch etcd = launch(nodes("").get(0));

        assertThat(etcd.binary()).isEqualTo("etcd");
        assertThat(etcd.pidFile()).isEqualTo(DIR.resolve("etcd.pid"));
        assertThat(etcd.pidFileMode()).isEqualTo(PidFileMode.CREATE);
        assertThat(etcd.logFile()).isEqualTo(DIR.resolve("etcd.log"));
        assertThat(etcd.workingDirectory()).isEqualTo(DIR.resolve("etcd"));
        assertThat(etcd.readinessUrl()).isEqualTo(URI.create("http://127.0.0.1:2379/health"));
        assertThat(etcd.listenAddresses()).containsExactly(new InetSocketAddress("127.0.0.1", 2379), new InetSocketAddress("127.0.0.1", 2380));
    }

    @Test
    void neonDaemonsComeFromTheBinDirAndClaimTheirOwnPidFiles() {
        DaemonLaunch pageserver = launch(nodes("").get(1));
        DaemonLaunch safekeeper = launch(nodes("").get(3));

        assertThat(pageserver.binary()).isEqualTo("/opt/neon/pageserver");
        assertThat(pageserver.pidFileMode()).isEqualTo(PidFileMode.EXPECT);
        assertThat(pageserver.pidFile()).isEqualTo(DIR.resolve("pageserver_1/pageserver.pid"));
        assertThat(pageserver.logFile()).isEqualTo(DIR.resolve("pageserver_1/pageserver.log"));
        assertThat(pageserver.readinessUrl()).isEqualTo(URI.create("http://127.0.0.1:9898/v1/status"));
        assertThat(safekeeper.name()).isEqualTo("safekeeper-2");
        assertThat(safekeeper.binary()).isEqualTo("/opt/neon/safekeeper");
        assertThat(safekeeper.pidFile()).isEqualTo(DIR.resolve("safekeepers/sk2/safekeeper.pid"));
        assertThat(safekeeper.logFile()).isEqualTo(DIR.resolve("safekeepers/sk2/safekeeper-2.log"));
        assertThat(safekeeper.readinessUrl()).isEqualTo(URI.create("http://127.0.0.1:7677/v1/status"));
    }
}

package io.neonops.controlplane.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.TestClusters;
import io.neonops.controlplane.cluster.LocalPorts;
import io.neonops.controlplane.process.PidFileMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComponentSpecsTest {

    static final Path DIR = Path.of("/work/.neon");

    static ClusterSpec cluster(String extraYaml) {
        return TestClusters.demo(extraYaml);
    }

    static LocalEnvironment local(ClusterSpec cluster) {
        return new LocalEnvironment(DIR, Optional.of(Path.of("/opt/neon/bin")), Path.of("/opt/neon/pg_install"),
                cluster.localPorts(), cluster.etcd().replicas());
    }

    @Test
    void singleEtcdMemberBootstrapsItselfAndGetsItsPidFileBesideItsData() throws Exception {
        ClusterSpec cluster = cluster("");
        ComponentSpec etcd = ComponentSpecs.node(cluster, local(cluster), Component.ETCD, 0);

        assertThat(etcd.command()).containsExactly("etcd",
                "--name", "demo-etcd-0",
                "--data-dir", "/work/.neon/etcd",
                "--listen-client-urls", "http://127.0.0.1:2379",
                "--advertise-client-urls", "http://127.0.0.1:2379",
                "--listen-peer-urls", "http://127.0.0.1:2380",
                "--initial-advertise-peer-urls", "http://127.0.0.1:2380",
                "--initial-cluster", "demo-etcd-0=http://127.0.0.1:2380",
                "--initial-cluster-state", "new",
                "--initial-cluster-token", "ns-demo");
        assertThat(etcd.pidFile()).isEqualTo(DIR.resolve("etcd.pid"));
        assertThat(etcd.pidFileMode()).isEqualTo(PidFileMode.CREATE);
        assertThat(etcd.readinessUrl("127.0.0.1")).isEqualTo("http://127.0.0.1:2379/health");
        assertThat(etcd.nodeId()).isEqualTo(1);
    }

    @Test
    void etcdMembersKnowEachOtherAndDoNotShareLocalPorts() throws Exception {
        ClusterSpec cluster = cluster("etcd: {replicas: 3}\n");
        List<ComponentSpec> members = ComponentSpecs.nodes(cluster, local(cluster), Component.ETCD);

        assertThat(members).extracting(m -> m.port("client").port()).containsExactly(2379, 2381, 2383);
        assertThat(members).extracting(m -> m.port("peer").port()).containsExactly(2380, 2382, 2384);
        assertThat(members).extracting(ComponentSpec::pidFile)
                .containsExactly(DIR.resolve("etcd-1.pid"), DIR.resolve("etcd-2.pid"), DIR.resolve("etcd-3.pid"));
        String initialCluster = "demo-etcd-0=http://127.0.0.1:2380,demo-etcd-1=http://127.0.0.1:2382,demo-etcd-2=http://127.0.0.1:2384";
        assertThat(members).allSatisfy(m -> assertThat(m.args()).containsSubsequence("--initial-cluster", initialCluster));
    }

    @Test
    void membersAddedAfterBootstrapJoinListingThemselvesAndTheMembersBeforeThem() throws Exception {
        ClusterSpec cluster = cluster("etcd: {replicas: 5}\n");
        List<ComponentSpec> members = ComponentSpecs.nodes(cluster, local(cluster), new EtcdMembership(1), Component.ETCD);

        assertThat(members).extracting(m -> argAfter(m, "--initial-cluster-state"))
                .containsExactly("new", "existing", "existing", "existing", "existing");
        assertThat(argAfter(members.get(0), "--initial-cluster")).isEqualTo("demo-etcd-0=http://127.0.0.1:2380");
        assertThat(argAfter(members.get(1), "--initial-cluster"))
                .isEqualTo("demo-etcd-0=http://127.0.0.1:2380,demo-etcd-1=http://127.0.0.1:2382");
        assertThat(argAfter(members.get(3), "--initial-cluster")).isEqualTo("demo-etcd-0=http://127.0.0.1:2380,"
                + "demo-etcd-1=http://127.0.0.1:2382,demo-etcd-2=http://127.0.0.1:2384,demo-etcd-3=http://127.0.0.1:2386");
        assertThat(argAfter(members.get(3), "--initial-advertise-peer-urls")).isEqualTo("http://127.0.0.1:2386");
    }

    @Test
    void bootstrapMembersListEachOtherAndLaterMembersJoinAfterThem() throws Exception {
        ClusterSpec cluster = cluster("etcd: {replicas: 5}\n");
        List<ComponentSpec> members = ComponentSpecs.nodes(cluster, local(cluster), new EtcdMembership(3), Component.ETCD);

        String bootstrap = "demo-etcd-0=http://127.0.0.1:2380,demo-etcd-1=http://127.0.0.1:2382,demo-etcd-2=http://127.0.0.1:2384";
        assertThat(members.subList(0, 3)).allSatisfy(m -> {
            assertThat(argAfter(m, "--initial-cluster")).isEqualTo(bootstrap);
            assertThat(argAfter(m, "--initial-cluster-state")).isEqualTo("new");
        });
        assertThat(argAfter(members.get(3), "--initial-cluster")).isEqualTo(bootstrap + ",demo-etcd-3=http://127.0.0.1:2386");
        assertThat(argAfter(members.get(4), "--initial-cluster-state")).isEqualTo("existing");
    }

    @Test
    void growingEtcdLeavesTheCommandLinesOfExistingMembersAlone() throws Exception {
        ClusterSpec one = cluster("");
        ClusterSpec five = cluster("etcd: {replicas: 5}\n");
        LocalEnvironment env = local(five);
        EtcdMembership bootstrappedWithOne = new EtcdMembership(1);

        List<ComponentSpec> before = ComponentSpecs.nodes(one, env, bootstrappedWithOne, Component.ETCD);
        List<ComponentSpec> after = ComponentSpecs.nodes(five, env, bootstrappedWithOne, Component.ETCD);

        assertThat(after.subList(0, before.size())).isEqualTo(before);
        assertThat(after).hasSize(5);
    }

    @Test
    void withoutAMembershipEveryEtcdMemberBootstraps() throws Exception {
        ClusterSpec cluster = cluster("etcd: {replicas: 3}\n");
        LocalEnvironment env = local(cluster);

        assertThat(ComponentSpecs.all(cluster, env)).isEqualTo(ComponentSpecs.all(cluster, env, new EtcdMembership(3)));
        assertThat(ComponentSpecs.nodes(cluster, env, Component.ETCD))
                .extracting(m -> argAfter(m, "--initial-cluster-state")).containsOnly("new");
    }

    @Test
    void etcdUrlsAreWhereTheEnvironmentPutsTheMembers() throws Exception {
        ClusterSpec cluster = cluster("etcd: {replicas: 3}\n");
        LocalEnvironment env = local(cluster);

        assertThat(ComponentSpecs.etcdClientUrls(env, 2)).containsExactly("http://127.0.0.1:2379", "http://127.0.0.1:2381");
        assertThat(ComponentSpecs.etcdPeerUrl(env, 2)).isEqualTo("http://127.0.0.1:2384");
    }

    @Test
    void anEtcdClusterBootstrapsWithAtLeastOneMember() {
        assertThatThrownBy(() -> new EtcdMembership(0)).hasMessage("etcd bootstrap members must be at least 1, got 0");
    }

    @Test
    void pageserverGetsSharedTomlAndPerNodeOverrides() throws Exception {
        ClusterSpec cluster = cluster("etcd: {replicas: 3}\npageserver: {replicas: 2, config: {checkpoint_distance: 268435456, gc_period: '10 s'}}\n");
        ComponentSpec ps = ComponentSpecs.node(cluster, local(cluster), Component.PAGESERVER, 1);

        assertThat(ps.command()).containsExactly("/opt/neon/bin/pageserver",
                "-D", "/work/.neon/pageserver_2",
                "-c", "id=2",
                "-c", "listen_pg_addr=\"127.0.0.1:64001\"",
                "-c", "listen_http_addr=\"127.0.0.1:9899\"");
        assertThat(ps.configFiles()).containsOnlyKeys("pageserver.toml");
        assertThat(ps.configFiles().get("pageserver.toml")).isEqualTo("""
                # Generated by neon-operator for NeonCluster ns/demo; changes here are overwritten.
                pg_distrib_dir = "/opt/neon/pg_install"
                broker_endpoints = ["http://127.0.0.1:2379", "http://127.0.0.1:2381", "http://127.0.0.1:2383"]
                auth_type = "Trust"
                checkpoint_distance = 268435456
                gc_period = "10 s"
                """);
        assertThat(ps.pidFile()).isEqualTo(DIR.resolve("pageserver_2/pageserver.pid"));
        assertThat(ps.pidFileMode()).isEqualTo(PidFileMode.EXPECT);
        assertThat(ps.readinessUrl("127.0.0.1")).isEqualTo("http://127.0.0.1:9899/v1/status");
    }

    @Test
    void remoteStorageAndAuthReachBothDaemons() throws Exception {
        ClusterSpec cluster = cluster("remoteStorage: {bucket: b, region: r, prefix: p}\nauth: {enabled: true, publicKeySecret: k}\n");
        LocalEnvironment env = local(cluster);

        String toml = ComponentSpecs.node(cluster, env, Component.PAGESERVER, 0).configFiles().get("pageserver.toml");
        assertThat(toml).contains("auth_type = \"NeonJWT\"\n")
                .contains("auth_validation_public_key_path = \"/work/.neon/auth_public_key.pem\"\n")
                .contains("remote_storage = {bucket_name = \"b\", bucket_region = \"r\", prefix_in_bucket = \"p\"}\n");
        ComponentSpec sk = ComponentSpecs.node(cluster, env, Component.SAFEKEEPER, 0);
        assertThat(sk.args()).containsSubsequence("--remote-storage", "{bucket_name = \"b\", bucket_region = \"r\", prefix_in_bucket = \"p\"}")
                .containsSubsequence("--auth-validation-public-key-path", "/work/.neon/auth_public_key.pem");
    }

    @Test
    void aLocalStorageControllerWithAuthRunsDevWithLocalNotificationsAndGetsItsKeyAndTokensButNoHookToken() {
        ClusterSpec cluster = TestClusters.modern("auth: {enabled: true, publicKeySecret: keys, storageControllerSecret: tokens}\n");
        ComponentSpec storcon = ComponentSpecs.node(cluster, local(cluster), Component.STORAGE_CONTROLLER, 0);

        assertThat(storcon.args()).contains("--dev", "--use-local-compute-notifications").doesNotContain("--control-plane-url");
        assertThat(storcon.environment()).containsOnlyKeys("DATABASE_URL", "PUBLIC_KEY", "PAGESERVER_JWT_TOKEN",
                "SAFEKEEPER_JWT_TOKEN");
        assertThat(storcon.environment().get("PUBLIC_KEY")).isEqualTo(new EnvValue.FromSecret("keys", "public-key.pem"));
    }

    @Test
    void aModernPageserverWithAuthReadsTheSafekeepersTokenAndWithoutAuthNothing() {
        ClusterSpec withAuth = TestClusters.modern("auth: {enabled: true, publicKeySecret: keys, storageControllerSecret: tokens}\n");
        ClusterSpec without = TestClusters.modern("");

        assertThat(ComponentSpecs.node(withAuth, local(withAuth), Component.PAGESERVER, 0).environment())
                .containsExactly(Map.entry("NEON_AUTH_TOKEN", new EnvValue.FromSecret("tokens", "SAFEKEEPER_JWT_TOKEN")));
        assertThat(ComponentSpecs.node(without, local(without), Component.PAGESERVER, 0).environment()).isEmpty();
    }

    @Test
    void safekeepersHaveDistinctIdsDirsAndPorts() throws Exception {
        ClusterSpec cluster = cluster("local: {safekeeperPgPort: 15454, safekeeperHttpPort: 17676}\n");
        List<ComponentSpec> sks = ComponentSpecs.nodes(cluster, local(cluster), Component.SAFEKEEPER);

        assertThat(sks).hasSize(3);
        assertThat(sks.get(2).command()).containsExactly("/opt/neon/bin/safekeeper",
                "-D", "/work/.neon/safekeepers/sk3",
                "--id", "3",
                "--listen-pg", "127.0.0.1:15456",
                "--listen-http", "127.0.0.1:17678",
                "--broker-endpoints", "http://127.0.0.1:2379");
        assertThat(sks).extracting(ComponentSpec::pidFile).containsExactly(
                DIR.resolve("safekeepers/sk1/safekeeper.pid"), DIR.resolve("safekeepers/sk2/safekeeper.pid"),
                DIR.resolve("safekeepers/sk3/safekeeper.pid"));
        assertThat(sks).extracting(ComponentSpec::memberName).containsExactly("demo-safekeeper-0", "demo-safekeeper-1", "demo-safekeeper-2");
    }

    @Test
    void allNodesComeInStartOrder() throws Exception {
        ClusterSpec cluster = cluster("");
        assertThat(ComponentSpecs.all(cluster, local(cluster))).extracting(ComponentSpec::component).containsExactly(
                Component.ETCD, Component.PAGESERVER, Component.SAFEKEEPER, Component.SAFEKEEPER, Component.SAFEKEEPER);
    }

    @Test
    void binariesComeFromPathWithoutABinDir() throws Exception {
        ClusterSpec cluster = cluster("");
        LocalEnvironment env = new LocalEnvironment(DIR, Optional.empty(), Path.of("/pg"), LocalPorts.DEFAULTS, 1);
        assertThat(env.binary(Component.PAGESERVER)).isEqualTo("pageserver");
        assertThat(ComponentSpecs.node(cluster, env, Component.ETCD, 0).binary()).isEqualTo("etcd");
    }

    @Test
    void nodeIndexOutsideTheClusterIsRefused() throws Exception {
        ClusterSpec cluster = cluster("");
        assertThatThrownBy(() -> ComponentSpecs.node(cluster, local(cluster), Component.SAFEKEEPER, 3))
                .hasMessage("safekeeper node index 3 is outside 0..2");
    }

    private static String argAfter(ComponentSpec node, String flag) {
        int at = node.args().indexOf(flag);
        assertThat(at).as("%s in %s", flag, node.args()).isNotNegative();
        return node.args().get(at + 1);
    }
}

package io.neonops.controlplane.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.TestClusters;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.ComponentSpec;
import io.neonops.controlplane.component.ComponentSpecs;
import io.neonops.controlplane.component.EtcdMembership;
import io.neonops.controlplane.component.LocalEnvironment;
import io.neonops.controlplane.testsupport.FreePorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The membership client against a real etcd 3.4 (Debian's {@code etcd-server}), with members started from the
 * command lines {@link ComponentSpecs} builds: a cluster bootstrapped with one member grows by one.
 */
class EtcdMembershipClientRealEtcdTest {

    private static final int REPLICAS = 3;

    @TempDir
    Path dir;

    private final List<RealEtcd> running = new ArrayList<>();
    private ClusterSpec cluster;
    private LocalEnvironment env;

    @BeforeEach
    void cluster() {
        // each member takes a client and a peer port, next to each other
        int base = FreePorts.block(2 * REPLICAS);
        cluster = TestClusters.demo("etcd: {replicas: " + REPLICAS + "}\n"
                + "local: {etcdClientPort: " + base + ", etcdPeerPort: " + (base + 1) + "}\n");
        env = new LocalEnvironment(dir, Optional.empty(), dir.resolve("pg"), cluster.localPorts(), REPLICAS);
    }

    @AfterEach
    void stopEtcd() throws InterruptedException {
        RealEtcd.stopAll(running);
    }

    /** Member {@code index} of a cluster that bootstrapped with member 0 alone. */
    private ComponentSpec member(int index) {
        return ComponentSpecs.node(cluster, env, new EtcdMembership(1), Component.ETCD, index);
    }

    private RealEtcd start(int index) throws Exception {
        RealEtcd etcd = RealEtcd.start(member(index), dir);
        running.add(etcd);
        return etcd.awaitHealthy();
    }

    @Test
    void listShowsTheBootstrapMemberStarted() throws Exception {
        RealEtcd first = start(0);

        List<EtcdMember> members = EtcdMembershipClient.of(List.of(first.clientUrl())).members();

        assertThat(members).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("demo-etcd-0");
            assertThat(m.started()).isTrue();
            assertThat(m.peerUrls()).containsExactly(ComponentSpecs.etcdPeerUrl(env, 0));
            assertThat(m.clientUrls()).containsExactly(first.clientUrl());
            assertThat(m.id()).matches("[0-9]+");
        });
    }

    @Test
    void ensureMemberAddsTheMemberOnceAndThenChangesNothing() throws Exception {
        EtcdMembershipClient client = EtcdMembershipClient.of(List.of(start(0).clientUrl()));
        String peerUrl = ComponentSpecs.etcdPeerUrl(env, 1);

        MemberAddition first = client.ensureMember(peerUrl);
        MemberAddition second = client.ensureMember(peerUrl);

        assertThat(first).isInstanceOf(MemberAddition.Added.class);
        assertThat(first.member().peerUrls()).containsExactly(peerUrl);
        assertThat(first.member().started()).isFalse();
        assertThat(second).isInstanceOf(MemberAddition.AlreadyMember.class);
        assertThat(second.member().id()).isEqualTo(first.member().id());
        assertThat(client.members()).hasSize(2).filteredOn(m -> !m.started())
                .extracting(EtcdMember::id).containsExactly(first.member().id());
    }

    @Test
    void anAddedMemberStartedWithItsJoiningCommandLineJoinsTheCluster() throws Exception {
        RealEtcd first = start(0);
        EtcdMembershipClient client = EtcdMembershipClient.of(List.of(first.clientUrl()));
        client.ensureMember(ComponentSpecs.etcdPeerUrl(env, 1));

        RealEtcd second = start(1);

        assertThat(member(1).args()).containsSubsequence("--initial-cluster-state", "existing");
        EtcdMember joined = first.await("demo-etcd-1 listed as started", () -> client.members().stream()
                .filter(m -> m.name().equals("demo-etcd-1")).findFirst());
        assertThat(joined.clientUrls()).containsExactly(second.clientUrl());
        assertThat(EtcdMembershipClient.of(List.of(second.clientUrl())).members())
                .extracting(EtcdMember::name).containsExactlyInAnyOrder("demo-etcd-0", "demo-etcd-1");
    }
}

package io.neonops.operator.upgrade;

import static io.neonops.operator.upgrade.Clusters.demo;
import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.controlplane.component.Component;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuorumGuardTest {

    private static Optional<String> whyNot(Clusters cluster, String candidate) {
        Component component = cluster.pod(candidate).pod().component();
        List<ObservedPod> members = cluster.pods().stream().filter(p -> p.pod().component() == component).toList();
        return QuorumGuard.whyNot(cluster.pod(candidate), members);
    }

    @Test
    void etcdOfThreeMayLoseOneMemberButNotTwo() {
        assertThat(whyNot(demo(3, 3, 1), "demo-etcd-0")).isEmpty();
        assertThat(whyNot(demo(3, 3, 1).notReady("demo-etcd-0"), "demo-etcd-0")).isEmpty();
        assertThat(whyNot(demo(3, 3, 1).notReady("demo-etcd-2"), "demo-etcd-0")).contains(
                "etcd member demo-etcd-2 is not Ready: taking demo-etcd-0 down would leave 1 of 3 Ready, and quorum needs 2");
    }

    @Test
    void etcdOfFiveMayLoseTwoMembersButNotThree() {
        assertThat(whyNot(demo(5, 3, 1).notReady("demo-etcd-4"), "demo-etcd-0")).isEmpty();
        assertThat(whyNot(demo(5, 3, 1).notReady("demo-etcd-3", "demo-etcd-4"), "demo-etcd-0")).contains(
                "etcd members demo-etcd-3, demo-etcd-4 are not Ready: taking demo-etcd-0 down would leave 2 of 5 Ready,"
                        + " and quorum needs 3");
    }

    @Test
    void aSingleEtcdMemberHasNoQuorumToKeep() {
        assertThat(whyNot(demo(1, 3, 1), "demo-etcd-0")).isEmpty();
    }

    @Test
    void missingAndTerminatingMembersAreNotReady() {
        assertThat(whyNot(demo(5, 3, 1).missing("demo-etcd-1"), "demo-etcd-0")).isEmpty();
        assertThat(whyNot(demo(3, 3, 1).missing("demo-etcd-1").deleting("demo-etcd-2"), "demo-etcd-0")).contains(
                "etcd members demo-etcd-1, demo-etcd-2 are not Ready: taking demo-etcd-0 down would leave 0 of 3 Ready,"
                        + " and quorum needs 2");
        assertThat(whyNot(demo(1, 3, 1).missing("demo-safekeeper-1"), "demo-safekeeper-0")).contains(
                "safekeeper demo-safekeeper-1 is not Ready: taking demo-safekeeper-0 down would leave 1 of 3 Ready");
    }

    @Test
    void safekeeperOfThreeGoesDownOnlyWhileBothOthersAreReady() {
        assertThat(whyNot(demo(1, 3, 1), "demo-safekeeper-1")).isEmpty();
        assertThat(whyNot(demo(1, 3, 1).notReady("demo-safekeeper-1"), "demo-safekeeper-1")).isEmpty();
        assertThat(whyNot(demo(1, 3, 1).notReady("demo-safekeeper-2"), "demo-safekeeper-0")).contains(
                "safekeeper demo-safekeeper-2 is not Ready: taking demo-safekeeper-0 down would leave 1 of 3 Ready");
    }

    @Test
    void safekeeperOfFiveGoesDownOnlyWhileAllFourOthersAreReady() {
        assertThat(whyNot(demo(1, 5, 1), "demo-safekeeper-4")).isEmpty();
        assertThat(whyNot(demo(1, 5, 1).notReady("demo-safekeeper-1"), "demo-safekeeper-4")).contains(
                "safekeeper demo-safekeeper-1 is not Ready: taking demo-safekeeper-4 down would leave 3 of 5 Ready");
        assertThat(whyNot(demo(1, 5, 1).notReady("demo-safekeeper-1", "demo-safekeeper-2"), "demo-safekeeper-0")).contains(
                "safekeepers demo-safekeeper-1, demo-safekeeper-2 are not Ready: taking demo-safekeeper-0 down would leave"
                        + " 2 of 5 Ready");
    }

    @Test
    void pageserversGoDownOneAtATimeWithoutAQuorum() {
        assertThat(whyNot(demo(1, 3, 3).notReady("demo-pageserver-1"), "demo-pageserver-0")).isEmpty();
    }
}

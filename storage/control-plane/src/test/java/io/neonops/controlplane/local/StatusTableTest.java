package io.neonops.controlplane.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.TestClusters;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.LocalEnvironment;
import io.neonops.controlplane.process.DaemonState;

class StatusTableTest {

    @Test
    void eachNodeShowsItsStatePidAndPortsInAlignedColumns() {
        ClusterSpec cluster = TestClusters.demo("");
        List<LocalDaemon> nodes = LocalNodes.of(cluster, new LocalEnvironment(Path.of("/w"), Optional.empty(), Path.of("/pg"),
                cluster.localPorts(), 1)).stream().map(LocalNode::daemon).toList();

        String table = StatusTable.format(List.of(
                new NodeStatus(nodes.get(0), new DaemonState.Running(4711)),
                new NodeStatus(nodes.get(1), new DaemonState.Stale()),
                new NodeStatus(nodes.get(2), new DaemonState.Absent()),
                new NodeStatus(nodes.get(3), new DaemonState.Busy())));

        assertThat(table).isEqualTo("""
                COMPONENT     STATE              PID   PORTS
                etcd          running            4711  client=2379 peer=2380
                pageserver    stale              -     pg=64000 http=9898
                safekeeper-1  absent             -     pg=5454 http=7676
                safekeeper-2  starting/stopping  -     pg=5455 http=7677
                """);
    }

    @Test
    void aDaemonFoundByItsPidFileAloneHasNoPortsAndALockHeldByAnotherProcessIsExplained() {
        LocalDaemon etcd = new LocalDaemon("etcd", Component.ETCD, Path.of("/w/etcd.pid"), List.of());

        String table = StatusTable.format(List.of(new NodeStatus(etcd,
                new DaemonState.LockedByOther(42, "pid file /w/etcd.pid is locked by a process that is not pid 42 (why)"))));

        assertThat(table).isEqualTo("""
                COMPONENT  STATE            PID  PORTS
                etcd       locked-by-other  -    -
                etcd: pid file /w/etcd.pid is locked by a process that is not pid 42 (why); stop will signal nothing
                """);
    }
}

package io.neonops.controlplane.local;

import java.util.List;
import java.util.stream.Collectors;

import io.neonops.controlplane.process.DaemonState;
import io.neonops.controlplane.tenant.TextTable;

/** {@code local status} output: one row per node with its state, pid and ports. */
final class StatusTable {

    private StatusTable() {
    }

    static String format(List<NodeStatus> statuses) {
        TextTable table = TextTable.of(List.of("COMPONENT", "STATE", "PID", "PORTS"));
        for (NodeStatus status : statuses) {
            table = table.withRow(status.daemon().name(), state(status.state()), pid(status.state()), ports(status.daemon()));
        }
        StringBuilder verdicts = new StringBuilder();
        for (NodeStatus status : statuses) {
            if (status.state() instanceof DaemonState.LockedByOther other) {
                verdicts.append(status.daemon().name()).append(": ").append(other.verdict())
                        .append("; stop will signal nothing\n");
            }
        }
        return table.render() + verdicts;
    }

    /** Unknown ("-") when the daemon was found by its pid file alone. */
    private static String ports(LocalDaemon daemon) {
        if (daemon.ports().isEmpty()) {
            return "-";
        }
        return daemon.ports().stream().map(port -> port.name() + "=" + port.port()).collect(Collectors.joining(" "));
    }

    private static String state(DaemonState state) {
        if (state instanceof DaemonState.Running) {
            return "running";
        }
        if (state instanceof DaemonState.Stale) {
            return "stale";
        }
        if (state instanceof DaemonState.LockedByOther) {
            return "locked-by-other";
        }
        if (state instanceof DaemonState.Busy) {
            return "starting/stopping";
        }
        return "absent";
    }

    private static String pid(DaemonState state) {
        return state instanceof DaemonState.Running running ? Long.toString(running.pid()) : "-";
    }
}

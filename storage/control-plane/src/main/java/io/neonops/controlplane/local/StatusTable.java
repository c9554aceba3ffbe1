package io.neonops.controlplane.local;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.neonops.controlplane.process.DaemonState;

/** {@code local status} output: one row per node with its state, pid and ports, in aligned columns. */
final class StatusTable {
    private static final List<String> HEADER = List.of("COMPONENT", "STATE", "PID", "PORTS");

    private StatusTable() {
    }

    static String format(List<NodeStatus> statuses) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        statuses.forEach(status -> rows.add(row(status)));
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    private static List<String> row(NodeStatus status) {
        String ports = status.node().spec().ports().stream()
                .map(port -> port.name() + "=" + port.port())
                .collect(Collectors.joining(" "));
        return List.of(status.node().name(), state(status.state()), pid(status.state()), ports);
    }

    private static String state(DaemonState state) {
        if (state instanceof DaemonState.Running) {
            return "running";
        }
        if (state instanceof DaemonState.Stale) {
            return "stale";
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

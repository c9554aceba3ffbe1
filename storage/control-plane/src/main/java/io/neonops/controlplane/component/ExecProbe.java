package io.neonops.controlplane.component;

import java.util.List;

/** A command that exits 0 once the daemon is ready: Postgres speaks no HTTP, {@code pg_isready} asks it. */
public record ExecProbe(List<String> command) implements NodeProbe {

    public ExecProbe {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a probe command needs an executable");
        }
    }
}

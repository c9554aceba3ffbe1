package io.neonops.controlplane.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.neonops.controlplane.process.DaemonLauncher;
import io.neonops.controlplane.process.DaemonState;
import io.neonops.controlplane.process.StopMode;
import io.neonops.controlplane.process.StopResult;

/** Stops and inspects daemons by their pid files; nothing here needs the manifest. */
final class LocalDaemons {
    private final DaemonLauncher launcher = new DaemonLauncher();

    /**
     * Stops the daemons in reverse order, each with the signal its kind wants for {@code mode}; a daemon that does
     * not stop (or is refused) does not keep the others running.
     */
    void stop(List<LocalDaemon> selected, StopMode mode, Duration timeout, PrintWriter out) throws IOException {
        List<String> failures = new ArrayList<>();
        for (LocalDaemon daemon : reversed(selected)) {
            try {
                out.println(describe(daemon, launcher.stop(daemon.name(), daemon.pidFile(),
                        daemon.component().descriptor().stopSignal(mode), timeout)));
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
            out.flush();
        }
        if (!failures.isEmpty()) {
            throw new IOException("could not stop everything: " + String.join("; ", failures));
        }
    }

    List<NodeStatus> status(List<LocalDaemon> selected) throws IOException {
        List<NodeStatus> statuses = new ArrayList<>();
        for (LocalDaemon daemon : selected) {
            statuses.add(new NodeStatus(daemon, launcher.state(daemon.name(), daemon.pidFile())));
        }
        return statuses;
    }

    /** Whether any of the daemons runs (or holds its pid file, or is being started or stopped). */
    boolean anyRunning(List<LocalDaemon> daemons) throws IOException {
        return status(daemons).stream().anyMatch(status -> !(status.state() instanceof DaemonState.Absent
                || status.state() instanceof DaemonState.Stale));
    }

    private static String describe(LocalDaemon daemon, StopResult result) {
        if (result instanceof StopResult.Stopped stopped) {
            return daemon.name() + " stopped (pid " + stopped.pid() + ")";
        }
        if (result instanceof StopResult.Stale) {
            return daemon.name() + " was not running (stale pid file " + daemon.pidFile() + " left in place)";
        }
        return daemon.name() + " was not running";
    }

    static <T> List<T> reversed(List<T> items) {
        List<T> reversed = new ArrayList<>(items);
        Collections.reverse(reversed);
        return reversed;
    }
}

package io.neonops.controlplane.process;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to start one daemon in the background.
 *
 * @param name             what the daemon is called in messages and in its launch-lock file name
 * @param command          the binary (an absolute path, or a bare name looked up on PATH) and its arguments
 * @param extraEnvironment added to (or replacing entries of) the launcher's own environment
 * @param workingDirectory an existing directory the daemon runs in
 * @param logDirectory     where {@code <name>.log} receives the daemon's stdout and stderr, appended
 * @param pidFile          the daemon's pid file, claimed as {@code pidFileMode} says
 * @param readinessUrl     answers 2xx once the daemon serves; for Postgres a {@code postgresql://} URL whose server
 *                         accepts connections once it serves
 * @param listenAddresses  addresses the daemon binds; each must be free before it is started
 * @param readyTimeout     how long the daemon may take to become ready
 */
public record DaemonLaunch(
        String name,
        List<String> command,
        Map<String, String> extraEnvironment,
        Path workingDirectory,
        Path logDirectory,
        Path pidFile,
        PidFileMode pidFileMode,
        URI readinessUrl,
        List<InetSocketAddress> listenAddresses,
        Duration readyTimeout) {

    public DaemonLaunch {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException(name + ": the command must name a binary");
        }
        extraEnvironment = Map.copyOf(extraEnvironment);
        workingDirectory = workingDirectory.toAbsolutePath();
        logDirectory = logDirectory.toAbsolutePath();
        pidFile = pidFile.toAbsolutePath();
        Objects.requireNonNull(pidFileMode, "pidFileMode");
        Objects.requireNonNull(readinessUrl, "readinessUrl");
        listenAddresses = List.copyOf(listenAddresses);
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException(name + ": the ready timeout must be positive, not " + readyTimeout);
        }
    }

    public String binary() {
        return command.get(0);
    }

    public Path logFile() {
        return logDirectory.resolve(name + ".log");
    }
}

package io.neonops.controlplane.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.neonops.controlplane.pidfile.PidFile;
import io.neonops.controlplane.pidfile.PidFileGuard;
import io.neonops.controlplane.pidfile.PidFileRead;
import io.neonops.controlplane.posix.Posix;
import io.neonops.controlplane.posix.ProcessSpawner;
import io.neonops.controlplane.posix.Signal;
import io.neonops.controlplane.posix.SpawnRequest;
import io.neonops.controlplane.timing.Deadline;
import io.neonops.controlplane.timing.PhaseTimings;

/**
 * Starts daemons in the background and stops them, as Neon's {@code neon_local} does, with the pid file as the
 * only record of what runs: a daemon is running exactly while its pid file is locked.
 */
public final class DaemonLauncher {
    // short: a daemon often gets ready, or exits, within a few tens of milliseconds, and each poll costs microseconds
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 20;

    private final ReadinessProbe readiness = new ReadinessProbe();

    /**
     * The absolute path of the launch's binary, so that callers starting several daemons can report a missing
     * one before starting any.
     */
    public static Path resolveBinary(DaemonLaunch launch) throws IOException {
        try {
            return Executables.resolve(launch.binary(), environment(launch).getOrDefault("PATH", ""));
        } catch (IOException e) {
            throw new IOException("cannot start " + launch.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts the daemon unless it already runs, and returns once it is ready: its readiness URL answers 2xx (a
     * {@code postgresql://} one: the server accepts connections) and its pid file is locked by the spawned pid. When
     * it does not get there (early exit, timeout) it is killed, and the exception carries the tail of its log.
     */
    public StartResult start(DaemonLaunch launch) throws IOException {
        return start(launch, LaunchSteps.NONE);
    }

    /**
     * As {@link #start(DaemonLaunch)}, with steps run under the launch lock, so that two concurrent starts never run
     * them side by side: {@code beforeSpawn} only when the daemon is to be spawned, {@code whenReady} once it is
     * ready, whether this call started it or found it running. A spawned child whose {@code whenReady} fails is killed.
     */
    @SuppressWarnings("try") // the launch lock is held for the whole block, never used in it
    public StartResult start(DaemonLaunch launch, LaunchSteps steps) throws IOException {
        Path binary = resolveBinary(launch);
        if (!Files.isDirectory(launch.workingDirectory())) {
            throw new IOException("cannot start " + launch.name() + ": working directory " + launch.workingDirectory()
                    + " does not exist");
        }
        Files.createDirectories(launch.pidFile().getParent());
        Files.createDirectories(launch.logDirectory());
        // a concurrent start waits for this one to finish, then finds the daemon running
        try (LaunchLock lock = LaunchLock.acquire(launch.name(), launch.pidFile(), launch.readyTimeout().plus(KILL_TIMEOUT))) {
            DaemonState state = settledState(launch.pidFile(), Deadline.after(KILL_TIMEOUT));
            if (state instanceof DaemonState.Running running) {
                steps.whenReady().run();
                return new StartResult.AlreadyRunning(running.pid());
            }
            if (state instanceof DaemonState.LockedByOther other) {
                throw new IOException("cannot start " + launch.name() + ": " + other.verdict()
                        + (isReleasing(other) ? "; pid " + other.namedPid() + " has exited but its pid file was still locked after "
                                + Deadline.describe(KILL_TIMEOUT) : ""));
            }
            ListenAddresses.requireFree(launch.name(), launch.listenAddresses());
            steps.beforeSpawn().run();
            long logStart = LogTail.size(launch.logFile());
            SpawnedChild child = spawn(launch, binary);
            PhaseTimings.mark("spawned " + launch.name());
            try {
                awaitReady(launch, child, logStart);
            } catch (DaemonStartException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                // interrupted (Ctrl-C) or failed while waiting: a child not yet ready is never left behind unseen
                String unkilled = kill(child);
                throw new IOException(launch.name() + " (pid " + child.pid() + ") was not ready: " + e.getMessage()
                        + (unkilled.isEmpty() ? "; it was killed" : unkilled), e);
            }
            PhaseTimings.mark("ready " + launch.name());
            try {
                steps.whenReady().run();
            } catch (IOException | RuntimeException e) {
                String unkilled = kill(child);
                throw new IOException(launch.name() + " (pid " + child.pid() + ") was ready, but " + e.getMessage()
                        + (unkilled.isEmpty() ? "; it was killed" : unkilled), e);
            }
            return new StartResult.Started(child.pid());
        }
    }

    /**
     * Stops the daemon whose pid file this is. A pid file nobody holds is stale: whatever pid it names may belong
     * to an unrelated process, so nothing is signalled. The pid file is never removed.
     */
    public StopResult stop(String name, Path pidFile, StopMode mode, Duration timeout) throws IOException {
        return stop(name, pidFile, mode.signal(), timeout);
    }

    /**
     * As {@link #stop(String, Path, StopMode, Duration)}, with the signal a daemon wants for a stop mode when it is
     * not Neon's (Postgres shuts down fast on SIGINT; SIGTERM would wait for every client to disconnect).
     */
    @SuppressWarnings("try") // the launch lock is held for the whole block, never used in it
    public StopResult stop(String name, Path pidFile, Signal signal, Duration timeout) throws IOException {
        if (!Files.isDirectory(pidFile.toAbsolutePath().getParent())) {
            return new StopResult.NotRunning();
        }
        try (LaunchLock lock = LaunchLock.acquire(name, pidFile, timeout)) {
            DaemonState state = settledState(pidFile, Deadline.after(timeout));
            if (state instanceof DaemonState.LockedByOther other) {
                throw new IOException(name + " not stopped: " + other.verdict() + "; nothing was signalled");
            }
            if (!(state instanceof DaemonState.Running running)) {
                return state instanceof DaemonState.Stale ? new StopResult.Stale() : new StopResult.NotRunning();
            }
            long pid = running.pid();
            if (!Posix.kill(pid, signal)) {
                return new StopResult.Stale();
            }
            PhaseTimings.mark("signalled " + name);
            awaitStopped(name, pid, pidFile, signal, timeout);
            PhaseTimings.mark("exited " + name);
            return new StopResult.Stopped(pid);
        }
    }

    /** Whether the daemon whose pid file this is runs, without disturbing a start or stop in progress. */
    @SuppressWarnings("try") // the shared launch lock is held for the whole block, never used in it
    public DaemonState state(String name, Path pidFile) throws IOException {
        if (!Files.isDirectory(pidFile.toAbsolutePath().getParent())) {
            return new DaemonState.Absent();
        }
        Optional<LaunchLock> shared = LaunchLock.tryShared(name, pidFile);
        if (shared.isEmpty()) {
            return new DaemonState.Busy();
        }
        try (LaunchLock lock = shared.get()) {
            return pidFileState(pidFile);
        }
    }

    /**
     * What the pid file says once no exiting process holds it, or when the deadline expires. The lock of a daemon
     * that has just exited outlives its pid: see {@link #isReleasing}.
     */
    private static DaemonState settledState(Path pidFile, Deadline deadline) throws IOException {
        DaemonState state = pidFileState(pidFile);
        while (isReleasing(state) && !deadline.expired()) {
            deadline.pause(POLL_INTERVAL);
            state = pidFileState(pidFile);
        }
        return state;
    }

    /**
     * Whether the pid file is locked and names a process that is exiting: the leader of a multithreaded process
     * turns zombie, and /proc lists none of its descriptors, while its other threads still exit holding them and
     * so the lock. No holder can be proven, but the lock is about to be released, not held by another.
     */
    private static boolean isReleasing(DaemonState state) throws IOException {
        return state instanceof DaemonState.LockedByOther other && ProcessLiveness.isExiting(other.namedPid());
    }

    /**
     * What the pid file says; the lock a read takes on a stale file is released at once, so that a daemon about to
     * be spawned can claim it.
     */
    private static DaemonState pidFileState(Path pidFile) throws IOException {
        PidFileRead read = PidFile.read(pidFile);
        if (read instanceof PidFileRead.LockedByOtherProcess locked) {
            return new DaemonState.Running(locked.pid());
        }
        if (read instanceof PidFileRead.LockedByUnnamedProcess other) {
            return new DaemonState.LockedByOther(other.namedPid(), other.describe(pidFile.toAbsolutePath()));
        }
        if (read instanceof PidFileRead.NotHeldByAnyProcess stale) {
            stale.guard().close();
            return new DaemonState.Stale();
        }
        return new DaemonState.Absent();
    }

    private static SpawnedChild spawn(DaemonLaunch launch, Path binary) throws IOException {
        int logFd = Posix.openAppend(launch.logFile());
        try {
            if (launch.pidFileMode() == PidFileMode.EXPECT) {
                return SpawnedChild.reaped(launch.name(), ProcessSpawner.spawn(request(launch, binary, logFd, OptionalInt.empty())));
            }
            // claimed here and handed to the child as fd 3; once our copy closes, the lock lives as long as the child
            try (PidFileGuard claim = PidFile.claim(launch.pidFile())) {
                SpawnedChild child = SpawnedChild.reaped(launch.name(),
                        ProcessSpawner.spawn(request(launch, binary, logFd, OptionalInt.of(claim.descriptor()))));
                try {
                    claim.recordPid(child.pid());
                } catch (IOException e) {
                    child.kill(KILL_TIMEOUT);
                    throw new IOException("cannot record the pid of " + launch.name() + " in " + launch.pidFile()
                            + ": " + e.getMessage(), e);
                }
                return child;
            }
        } finally {
            Posix.close(logFd);
        }
    }

    private static SpawnRequest request(DaemonLaunch launch, Path binary, int logFd, OptionalInt handedOverFd) {
        return new SpawnRequest(binary, launch.command(), environment(launch), launch.workingDirectory(), logFd, handedOverFd);
    }

    private static Map<String, String> environment(DaemonLaunch launch) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putAll(launch.extraEnvironment());
        return environment;
    }

    private void awaitReady(DaemonLaunch launch, SpawnedChild child, long logStart) throws IOException {
        Deadline deadline = Deadline.after(launch.readyTimeout());
        while (true) {
            Optional<String> exit = child.exitDescription();
            if (exit.isPresent()) {
                throw failure(launch, child, logStart, "exited during startup (" + exit.get() + ")");
            }
            ReadinessProbe.Answer answer = readiness.probe(launch.readinessUrl());
            // the pid file only after the endpoint answers: a daemon claims its pid file before it serves, and a
            // read of an unclaimed file takes its lock for a moment, which would make a starting daemon's claim fail
            Optional<String> pidFileProblem = answer.ready() ? pidFileProblem(launch.pidFile(), child.pid()) : Optional.empty();
            if (answer.ready() && pidFileProblem.isEmpty()) {
                return;
            }
            if (deadline.expired()) {
                throw failure(launch, child, logStart, "(pid " + child.pid() + ") was not ready within "
                        + Deadline.describe(launch.readyTimeout()) + ": " + pidFileProblem.orElse(answer.observation()));
            }
            child.awaitExit(POLL_INTERVAL);
        }
    }

    private static Optional<String> pidFileProblem(Path pidFile, long pid) throws IOException {
        DaemonState state = pidFileState(pidFile);
        if (state instanceof DaemonState.Running running) {
            return running.pid() == pid ? Optional.empty()
                    : Optional.of("pid file " + pidFile + " names pid " + running.pid() + ", not the spawned pid " + pid);
        }
        if (state instanceof DaemonState.LockedByOther other) {
            return Optional.of(other.verdict());
        }
        return Optional.of("pid file " + pidFile + (state instanceof DaemonState.Absent ? " does not exist yet"
                : " is not locked by the spawned pid " + pid));
    }

    /** The log's tail from {@code logStart} on: what this start's child wrote, not an earlier run's lines. */
    private static DaemonStartException failure(DaemonLaunch launch, SpawnedChild child, long logStart, String reason)
            throws IOException {
        return new DaemonStartException(launch.name(), reason + kill(child), launch.logFile(),
                LogTail.lastLines(launch.logFile(), logStart, LOG_TAIL_LINES));
    }

    /** Kills the child; empty when it is gone, else a clause saying it may still run. */
    private static String kill(SpawnedChild child) throws IOException {
        return child.kill(KILL_TIMEOUT) ? "" : "; pid " + child.pid() + " could not be killed and may still run";
    }

    /**
     * Until the process is gone and its pid file released, so that a start right after the stop finds the file
     * stale. Either alone is not enough: the leader of a multithreaded process turns zombie while its other threads
     * still exit, holding its descriptors and so the lock (see {@link #isReleasing}).
     */
    private static void awaitStopped(String name, long pid, Path pidFile, Signal signal, Duration timeout) throws IOException {
        Deadline deadline = Deadline.after(timeout);
        while (ProcessLiveness.isRunning(pid) || holdsOrReleases(pidFileState(pidFile), pid)) {
            if (deadline.expired()) {
                throw new IOException(name + " (pid " + pid + ") did not exit and release its pid file within "
                        + Deadline.describe(timeout) + " of " + signal);
            }
            deadline.pause(POLL_INTERVAL);
        }
    }

    /** Whether {@code pid} still holds the pid file, or is exiting and about to release it. */
    private static boolean holdsOrReleases(DaemonState state, long pid) throws IOException {
        return state.equals(new DaemonState.Running(pid))
                || state instanceof DaemonState.LockedByOther other && other.namedPid() == pid && isReleasing(other);
    }
}

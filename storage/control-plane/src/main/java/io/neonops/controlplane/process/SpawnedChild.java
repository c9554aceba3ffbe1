package io.neonops.controlplane.process;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.neonops.controlplane.posix.ExitStatus;
import io.neonops.controlplane.posix.Posix;
import io.neonops.controlplane.posix.Signal;

/**
 * A child this JVM spawned, with a reaper thread that reaps it once it exits: without it the child would stay a
 * zombie while the JVM lives (and still look alive to kill(pid, 0)); with it, "has exited" is exact.
 */
final class SpawnedChild {
    // the reaper polls rather than blocks in waitpid: the JVM's exit waits 300 ms for threads inside native code
    private static final Duration REAP_INTERVAL = Duration.ofMillis(10);

    private final long pid;
    private final CompletableFuture<String> exit = new CompletableFuture<>();

    private SpawnedChild(long pid) {
        this.pid = pid;
    }

    static SpawnedChild reaped(String name, long pid) {
        SpawnedChild child = new SpawnedChild(pid);
        Thread reaper = new Thread(child::reap, "reaper-" + name + "-" + pid);
        reaper.setDaemon(true);
        reaper.start();
        return child;
    }

    private void reap() {
        try {
            Optional<ExitStatus> status = Posix.reapIfExited(pid);
            while (status.isEmpty()) {
                Thread.sleep(REAP_INTERVAL.toMillis());
                status = Posix.reapIfExited(pid);
            }
            exit.complete(status.get().describe());
        } catch (IOException e) {
            exit.complete("exit status unknown: " + e.getMessage());
        } catch (InterruptedException e) {
            exit.complete("exit status unknown: the reaper was interrupted");
        }
    }

    long pid() {
        return pid;
    }

    /** How the child ended, once it has. */
    Optional<String> exitDescription() {
        return Optional.ofNullable(exit.getNow(null));
    }

    /** Returns when the child has exited or after {@code timeout}, whichever comes first. */
    void awaitExit(Duration timeout) throws IOException {
        try {
            exit.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // still running: the caller decides what that means
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for pid " + pid, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the reaper of pid " + pid + " failed", e.getCause());
        }
    }

    /**
     * SIGKILLs the child's whole process group (it leads its own session, so a wrapper script's children go too)
     * and waits for it to be reaped; true when it is gone. An interrupted thread still waits (this is the clean-up
     * of an interruption) and keeps its interrupt status.
     */
    boolean kill(Duration timeout) throws IOException {
        if (exit.isDone()) {
            return true;
        }
        Posix.killGroup(pid, Signal.SIGKILL);
        boolean interrupted = Thread.interrupted();
        try {
            awaitExit(timeout);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return exit.isDone();
    }
}

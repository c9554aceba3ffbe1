package io.neonops.controlplane.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.neonops.controlplane.process.ProcessLiveness;

/** Live (non-zombie) processes found through /proc, to prove that nothing a test started is left running. */
public final class ProcessTable {

    private ProcessTable() {
    }

    /** Pids of live processes with an argument that contains {@code marker} (a test's unique temp dir). */
    public static List<Long> pidsWithArgumentContaining(String marker) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(entry -> argumentsOf(entry).stream().anyMatch(argument -> argument.contains(marker)))
                    .map(entry -> Long.parseLong(entry.getFileName().toString()))
                    .filter(ProcessTable::isRunning)
                    .filter(pid -> pid != ProcessHandle.current().pid())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILLs what a failed test left behind, by pid. */
    public static void killAll(String marker) {
        pidsWithArgumentContaining(marker).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    public static boolean isRunning(long pid) {
        try {
            return ProcessLiveness.isRunning(pid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> argumentsOf(Path entry) {
        try {
            return Arrays.asList(new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }
}

package io.neonops.controlplane.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, read from its end so that a huge log costs nothing. */
final class LogTail {
    private static final int MAX_BYTES = 16 * 1024;

    private LogTail() {
    }

    /** The size of the log now (0 when there is none yet): where what is appended from now on begins. */
    static long size(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.size(file) : 0;
    }

    /** The last {@code count} lines written at or after byte {@code from}; a log cut shorter since is read whole. */
    static List<String> lastLines(Path file, long from, int count) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long first = from <= log.length() ? from : 0;
            long start = Math.max(first, log.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (log.length() - start)];
            log.seek(start);
            log.readFully(bytes);
            List<String> lines = Arrays.stream(new String(bytes, StandardCharsets.UTF_8).split("\n"))
                    .filter(line -> !line.isBlank())
                    .toList();
            // the first line may be cut in the middle when the log is longer than what was read
            List<String> whole = start > first && !lines.isEmpty() ? lines.subList(1, lines.size()) : lines;
            return whole.subList(Math.max(0, whole.size() - count), whole.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}

package io.neonops.controlplane.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void theLastNonBlankLinesOldestFirst() throws IOException {
        Path log = Files.writeString(dir.resolve("d.log"), "one\ntwo\n\nthree\nfour\n");

        assertThat(LogTail.lastLines(log, 0, 3)).containsExactly("two", "three", "four");
    }

    @Test
    void aMissingLogHasNoLines() {
        assertThat(LogTail.lastLines(dir.resolve("never-written.log"), 0, 5)).isEmpty();
    }

    @Test
    void aHugeLogIsReadFromItsEndWithoutAHalfLine() throws IOException {
        String lines = IntStream.range(0, 100_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        Path log = Files.writeString(dir.resolve("big.log"), lines + "\n");

        List<String> tail = LogTail.lastLines(log, 0, 2);

        assertThat(tail).containsExactly("line 99998", "line 99999");
        assertThat(LogTail.lastLines(log, 0, 100_000)).allMatch(line -> line.matches("line \\d+")).hasSizeLessThan(100_000);
    }

    @Test
    void onlyTheLinesWrittenSinceTheGivenOffsetAreShown() throws IOException {
        Path log = Files.writeString(dir.resolve("d.log"), "earlier run failed\n");
        long start = LogTail.size(log);
        Files.writeString(log, "this run\n", StandardOpenOption.APPEND);

        assertThat(LogTail.lastLines(log, start, 20)).containsExactly("this run");
        assertThat(LogTail.lastLines(log, LogTail.size(log), 20)).isEmpty();
    }

    @Test
    void aLogCutShorterSinceTheOffsetIsReadWhole() throws IOException {
        Path log = Files.writeString(dir.resolve("d.log"), "new\n");

        assertThat(LogTail.lastLines(log, 1000, 20)).containsExactly("new");
    }
}

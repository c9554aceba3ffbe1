package io.neonops.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary copy of a chart (links followed) whose values.yaml is the original with an override merged in the
 * way Helm merges {@code -f} files: maps key by key, everything else replaced.
 */
record ChartCopy(Path root, Path dir) implements AutoCloseable {

    private static final YAMLMapper YAML = new YAMLMapper();

    static ChartCopy withValues(Path chart, ValuesOverride values) {
        try {
            Path root = Files.createTempDirectory("neon-operator-chart");
            // helm lint wants the directory named like the chart
            ChartCopy copy = new ChartCopy(root, root.resolve(chart.getFileName()));
            copyTree(chart, copy.dir());
            JsonNode merged = merge(YAML.readTree(chart.resolve("values.yaml").toFile()), YAML.readTree(values.yaml()));
            YAML.writeValue(copy.dir().resolve("values.yaml").toFile(), merged);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy chart " + chart, e);
        }
    }

    static JsonNode merge(JsonNode base, JsonNode override) {
        if (!(base instanceof ObjectNode baseObject) || !(override instanceof ObjectNode overrideObject)) {
            return override;
        }
        ObjectNode merged = baseObject.deepCopy();
        overrideObject.properties().forEach(e -> merged.set(e.getKey(), merge(baseObject.get(e.getKey()), e.getValue())));
        return merged;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(from, FileVisitOption.FOLLOW_LINKS)) {
            sources = walk.toList();
        }
        for (Path source : sources) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target);
            }
        }
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the chart copy " + root, e);
        }
    }
}

package io.neonops.controlplane.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directory holding a Postgres distribution's {@code initdb}, {@code postgres} and {@code psql}.
 * Found as neon_local finds the storage controller's: {@code <pg-distrib-dir>/v16/bin}, falling back to v15, v14
 * and v17; then Debian's {@code postgresql} package, {@code /usr/lib/postgresql/<major>/bin}, newest first.
 */
public record PostgresBinaries(Path binDir) {
    public static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    // neon_local's STORAGE_CONTROLLER_POSTGRES_VERSION and its fallbacks
    private static final List<Integer> DISTRIB_VERSIONS = List.of(16, 15, 14, 17);
    private static final List<String> REQUIRED = List.of("initdb", "postgres", "psql");

    public PostgresBinaries {
        binDir = binDir.toAbsolutePath().normalize();
    }

    /**
     * The first complete distribution among {@code pgDistribDir}'s and Debian's (under {@code debianRoot}).
     *
     * @throws IOException naming every place looked at, when none is complete
     */
    public static PostgresBinaries find(Optional<Path> pgDistribDir, Path debianRoot) throws IOException {
        List<Path> candidates = new ArrayList<>();
        pgDistribDir.ifPresent(dir -> DISTRIB_VERSIONS.forEach(v -> candidates.add(dir.resolve("v" + v).resolve("bin"))));
        candidates.addAll(debianBinDirs(debianRoot));
        return candidates.stream().filter(PostgresBinaries::isComplete).findFirst().map(PostgresBinaries::new)
                .orElseThrow(() -> new IOException("no Postgres found for the storage controller's database: none of "
                        + describe(pgDistribDir, debianRoot) + " holds " + String.join(", ", REQUIRED)
                        + " (install Debian's postgresql package, or pass a --pg-distrib-dir with v16/bin)"));
    }

    public Path initdb() {
        return binDir.resolve("initdb");
    }

    public Path postgres() {
        return binDir.resolve("postgres");
    }

    public Path psql() {
        return binDir.resolve("psql");
    }

    private static boolean isComplete(Path binDir) {
        return REQUIRED.stream().map(binDir::resolve).allMatch(file -> Files.isRegularFile(file) && Files.isExecutable(file));
    }

    /** {@code <root>/<major>/bin}, highest major first. */
    private static List<Path> debianBinDirs(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .sorted(Comparator.comparingInt((Path dir) -> Integer.parseInt(dir.getFileName().toString())).reversed())
                    .map(dir -> dir.resolve("bin"))
                    .toList();
        }
    }

    private static String describe(Optional<Path> pgDistribDir, Path debianRoot) {
        return pgDistribDir.map(dir -> dir + "/v{16,15,14,17}/bin, ").orElse("") + debianRoot + "/<major>/bin";
    }
}

package io.neonops.controlplane.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {
    @TempDir
    Path dir;

    @Test
    void theDistributionsV16ComesFirstAsNeonLocalsDoes() throws IOException {
        Path distrib = dir.resolve("pg_install");
        Path v15 = complete(distrib.resolve("v15/bin"));
        Path v16 = complete(distrib.resolve("v16/bin"));
        complete(dir.resolve("debian/17/bin"));

        assertThat(PostgresBinaries.find(Optional.of(distrib), dir.resolve("debian")).binDir()).isEqualTo(v16);
        Files.delete(v16.resolve("psql"));
        assertThat(PostgresBinaries.find(Optional.of(distrib), dir.resolve("debian")).binDir()).isEqualTo(v15);
    }

    @Test
    void withoutADistributionDebiansNewestCompleteMajorIsTaken() throws IOException {
        Path debian = dir.resolve("debian");
        Path v15 = complete(debian.resolve("15/bin"));
        Files.createDirectories(debian.resolve("16/bin"));
        complete(debian.resolve("9/bin"));

        assertThat(PostgresBinaries.find(Optional.of(dir.resolve("no-distrib")), debian).binDir()).isEqualTo(v15);
    }

    @Test
    void findingNothingNamesEveryPlaceLookedAt() {
        assertThatThrownBy(() -> PostgresBinaries.find(Optional.of(dir.resolve("d")), dir.resolve("debian")))
                .isInstanceOf(IOException.class)
                .hasMessage("no Postgres found for the storage controller's database: none of " + dir.resolve("d")
                        + "/v{16,15,14,17}/bin, " + dir.resolve("debian") + "/<major>/bin holds initdb, postgres, psql"
                        + " (install Debian's postgresql package, or pass a --pg-distrib-dir with v16/bin)");
    }

    private static Path complete(Path binDir) throws IOException {
        Files.createDirectories(binDir);
        for (String name : new String[] {"initdb", "postgres", "psql"}) {
            Files.createFile(binDir.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        return binDir;
    }
}

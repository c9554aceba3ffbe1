package io.neonops.controlplane.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system-user checks need the {@code postgres} user that Debian's postgresql package creates (CI installs it). */
class PostgresRunAsTest {
    private final PostgresRunAs.SystemUser postgresUser = new PostgresRunAs.SystemUser(PostgresRunAs.SystemUser.POSTGRES);

    @TempDir
    Path dir;

    @Test
    void theSystemUserRunsTheProgramInPlaceThroughSetpriv() {
        assertThat(postgresUser.command(List.of("/usr/lib/postgresql/15/bin/postgres", "-D", "x"))).containsExactly(
                "setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--", "/usr/lib/postgresql/15/bin/postgres", "-D", "x");
        assertThat(new PostgresRunAs.CurrentUser().command(List.of("postgres"))).containsExactly("postgres");
    }

    @Test
    void aParentTheSystemUserCannotSearchIsNamedWithTheFix() throws IOException {
        Path closed = Files.createDirectory(dir.resolve("closed"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));

        assertThatThrownBy(() -> postgresUser.requireReachable(closed.resolve("db")))
                .isInstanceOf(IOException.class)
                .hasMessage("Postgres runs as the system user 'postgres' (initdb and postgres refuse root), which cannot reach "
                        + closed.resolve("db") + ": " + closed + " is not searchable by it; use a work directory it can reach,"
                        + " or allow it with: chmod o+x " + closed);
    }

    @Test
    void parentsSearchableByOthersLetTheSystemUserThrough() throws IOException {
        Path open = Files.createDirectory(dir.resolve("open"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));

        postgresUser.requireReachable(open.resolve("db"));
    }

    @Test
    void aMissingSystemUserIsReportedAsSuch() {
        assertThatThrownBy(() -> new PostgresRunAs.SystemUser("no_such_user_here").requireReachable(dir.resolve("db")))
                .isInstanceOf(IOException.class)
                .hasMessage("running as root, Postgres needs the system user 'no_such_user_here', which does not exist"
                        + " (Debian's postgresql package creates it)");
    }
}

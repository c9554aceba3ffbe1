package io.neonops.controlplane.tenant;

import static io.neonops.controlplane.tenant.FakePageserver.ANCESTOR;
import static io.neonops.controlplane.tenant.FakePageserver.TENANT;
import static io.neonops.controlplane.tenant.FakePageserver.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.neonops.pageserver.api.TimelineInfo;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.testing.FakeHttpServer;
import io.neonops.storage.common.testing.JsonText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimelineCommandTest {

    private static final String TIMELINES_PATH = "/v1/tenant/" + TENANT + "/timeline";
    private static final int PG = PgMajorVersion.defaultForTests().major();
    private static final TimelineInfo ROOT = FakePageserver.timeline(ANCESTOR, Optional.empty(), PG);
    private static final TimelineInfo BRANCH = FakePageserver.timeline(TIMELINE, Optional.of(ANCESTOR), PG);

    private final FakeHttpServer server = FakeHttpServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private CliRun run(String... args) {
        return CliRun.run(TimelineCommand.class, FakePageserver.environment(server, Map.of()), args);
    }

    @Test
    void listPrintsATable() {
        server.respond("GET", TIMELINES_PATH, 200, JsonText.write(List.of(ROOT, BRANCH)));

        CliRun run = run("list", "--tenant-id", TENANT.hex());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(
                "TIMELINE ID                       PG  ANCESTOR TIMELINE ID              ANCESTOR LSN  LAST RECORD LSN  LOGICAL SIZE\n"
                + ANCESTOR + "  " + PG + "  -                                 -             0/16B5A50        22380544\n"
                + TIMELINE + "  " + PG + "  " + ANCESTOR + "  0/1696070     0/16B5A50        22380544\n");
        assertThat(server.onlyRequest().method()).isEqualTo("GET");
        assertThat(server.onlyRequest().path()).isEqualTo(TIMELINES_PATH);
        assertThat(server.onlyRequest().query()).isEmpty();
    }

    @Test
    void listPrintsJson() {
        server.respond("GET", TIMELINES_PATH, 200, JsonText.write(List.of(ROOT, BRANCH)));

        CliRun run = run("list", "--tenant-id", TENANT.hex(), "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(JsonText.read(run.out(), new TypeReference<List<TimelineInfo>>() { })).containsExactly(ROOT, BRANCH);
    }

    @Test
    void listOfAMissingTenantShowsTheServersMessage() {
        server.respond("GET", TIMELINES_PATH, 404, "{\"msg\":\"NotFound: tenant " + TENANT + "\"}");

        CliRun run = run("list", "--tenant-id", TENANT.hex());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("neon-operator: cannot list the timelines of tenant " + TENANT + ": GET "
                + server.baseUri() + TIMELINES_PATH + ": HTTP 404: NotFound: tenant " + TENANT + "\n");
    }

    @Test
    void listNeedsATenant() {
        CliRun run = run("list");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--tenant-id=ID'");
    }

    @Test
    void createMakesANewTimelineOfTheGivenVersion() {
        server.respond("POST", TIMELINES_PATH, 201, JsonText.write(ROOT));

        CliRun run = run("create", "--tenant-id", TENANT.hex(), "--timeline-id", ANCESTOR.hex(), "--pg-version", Integer.toString(PG));

        assertThat(run.exitCode()).isZero();
        assertThat(server.onlyRequest().body()).isEqualTo("{\"new_timeline_id\":\"" + ANCESTOR + "\",\"pg_version\":" + PG + "}");
        assertThat(run.out()).startsWith("TIMELINE ID").contains(ANCESTOR.hex());
    }

    @Test
    void createWithoutVersionUsesTheProjectDefault() {
        server.respond("POST", TIMELINES_PATH, 201, JsonText.write(ROOT));

        run("create", "--tenant-id", TENANT.hex());

        assertThat(server.onlyRequest().body()).isEqualTo("{\"pg_version\":" + PgMajorVersion.DEFAULT_PG_VERSION.major() + "}");
    }

    @Test
    void createBranchesAtAnLsn() {
        server.respond("POST", TIMELINES_PATH, 201, JsonText.write(BRANCH));

        CliRun run = run("create", "--tenant-id", TENANT.hex(), "--timeline-id", TIMELINE.hex(),
                "--ancestor-timeline-id", ANCESTOR.hex(), "--ancestor-start-lsn", "0/1696070", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(server.onlyRequest().body()).isEqualTo("{\"new_timeline_id\":\"" + TIMELINE
                + "\",\"ancestor_timeline_id\":\"" + ANCESTOR + "\",\"ancestor_start_lsn\":\"0/1696070\"}");
        assertThat(JsonText.read(run.out(), TimelineInfo.class)).isEqualTo(BRANCH);
    }

    @Test
    void startLsnNeedsAnAncestor() {
        CliRun run = run("create", "--tenant-id", TENANT.hex(), "--ancestor-start-lsn", "0/1696070");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required argument(s): --ancestor-timeline-id=ID");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aBranchTakesNoVersion() {
        var noCluster = new CliEnvironment(new PageserverUrlFile(), Map.of());
        CliRun run = CliRun.run(TimelineCommand.class, noCluster, "create", "--dir", "/nonexistent",
                "--tenant-id", TENANT.hex(), "--ancestor-timeline-id", ANCESTOR.hex(), "--pg-version", "15");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--pg-version does not apply to a branch: it has the Postgres version of its ancestor");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void malformedLsnIsNamed() {
        CliRun run = run("create", "--tenant-id", TENANT.hex(), "--ancestor-timeline-id", ANCESTOR.hex(),
                "--ancestor-start-lsn", "16B5A50");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--ancestor-start-lsn': invalid LSN \"16B5A50\"");
    }

    @Test
    void createOfAnExistingTimelineIsAConflict() {
        server.respond("POST", TIMELINES_PATH, 409, "{\"msg\":\"timeline already exists\"}");

        CliRun run = run("create", "--tenant-id", TENANT.hex(), "--timeline-id", TIMELINE.hex());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("neon-operator: cannot create a timeline in tenant " + TENANT + ": POST "
                + server.baseUri() + TIMELINES_PATH + ": HTTP 409: timeline already exists\n");
    }

    @Test
    void aPageserverReturningGarbageIsAClearError() {
        server.respondRaw("GET", TIMELINES_PATH, 200, "text/html", "<html>proxy login</html>");

        CliRun run = run("list", "--tenant-id", TENANT.hex());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("neon-operator: cannot list the timelines of tenant " + TENANT + ": GET ")
                .contains("HTTP 200 with a body that is not a valid list of TimelineInfo")
                .doesNotContain("\n\n");
    }

    @Test
    void helpWorksOnEveryLevel() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"list", "--help"}, new String[] {"create", "--help"})) {
            CliRun run = run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).startsWith("Usage: timeline");
        }
    }
}

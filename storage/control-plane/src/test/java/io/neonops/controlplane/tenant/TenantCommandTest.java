package io.neonops.controlplane.tenant;

import static io.neonops.controlplane.tenant.FakePageserver.TENANT;
import static io.neonops.controlplane.tenant.FakePageserver.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.neonops.pageserver.api.TenantInfo;
import io.neonops.pageserver.api.TenantState;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.testing.FakeHttpServer;
import io.neonops.storage.common.testing.JsonText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantCommandTest {

    private static final TenantId OTHER = TenantId.of("0123456789abcdef0123456789abcdef");
    private static final List<TenantInfo> TENANTS = List.of(
            new TenantInfo(TENANT, TenantState.active(true), Optional.of(22396928L), Optional.of(false)),
            new TenantInfo(OTHER, new TenantState("Broken", Optional.empty(), Optional.of("no space")),
                    Optional.empty(), Optional.empty()));

    private final FakeHttpServer server = FakeHttpServer.start();
    private final CliEnvironment environment = FakePageserver.environment(server, Map.of());

    @TempDir
    Path workDir;

    @AfterEach
    void stopServer() {
        server.close();
    }

    private CliRun run(String... args) {
        return CliRun.run(TenantCommand.class, environment, args);
    }

    @Test
    void listPrintsATable() {
        server.respond("GET", "/v1/tenant", 200, JsonText.write(TENANTS));

        CliRun run = run("list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                TENANT ID                         STATE              PHYSICAL SIZE
                de200bd42b49cc1814412c7e592dd6e9  Active             22396928
                0123456789abcdef0123456789abcdef  Broken (no space)  -
                """);
        assertThat(server.onlyRequest().path()).isEqualTo("/v1/tenant");
        assertThat(server.onlyRequest().method()).isEqualTo("GET");
    }

    @Test
    void listPrintsJsonInTheApisShape() {
        server.respond("GET", "/v1/tenant", 200, JsonText.write(TENANTS));

        CliRun run = run("list", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(JsonText.read(run.out(), new TypeReference<List<TenantInfo>>() { })).isEqualTo(TENANTS);
        assertThat(run.out()).contains("\"state\" : {\n    \"Active\" : {\n      \"background_jobs_running\" : true");
    }

    @Test
    void listTalksToTheGivenPageserver() {
        server.respond("GET", "/v1/tenant", 200, "[]");
        var nowhere = new CliEnvironment(dir -> { throw new IllegalStateException("locator must not be used"); }, Map.of());

        CliRun run = CliRun.run(TenantCommand.class, nowhere, "list", "--pageserver", server.baseUri().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("TENANT ID  STATE  PHYSICAL SIZE\n");
    }

    @Test
    void listFindsTheLocalPageserverThroughTheUrlFileOfTheWorkDir() throws Exception {
        server.respond("GET", "/v1/tenant", 200, "[]");
        Files.writeString(workDir.resolve("pageserver.url"), server.baseUri() + "\n");

        CliRun run = CliRun.run(TenantCommand.class, new CliEnvironment(new PageserverUrlFile(), Map.of()),
                "list", "--dir", workDir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void listWithoutALocalClusterSaysWhatToDo() {
        CliRun run = CliRun.run(TenantCommand.class, new CliEnvironment(new PageserverUrlFile(), Map.of()),
                "list", "--dir", workDir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("neon-operator: no pageserver found: " + workDir.resolve("pageserver.url")
                + " does not exist; pass --pageserver URL or start the local cluster in " + workDir + "\n");
    }

    @Test
    void dirAndPageserverExcludeEachOther() {
        CliRun run = run("list", "--dir", workDir.toString(), "--pageserver", server.baseUri().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void badPageserverUrlIsNamed() {
        CliRun run = run("list", "--pageserver", "localhost:9898");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("neon-operator: invalid API URL \"localhost:9898\": expected http://host:port\n");
    }

    @Test
    void bearerTokenComesFromTheOptionOrTheEnvironment() {
        server.respond("GET", "/v1/tenant", 200, "[]");
        var withEnv = FakePageserver.environment(server, Map.of("NEON_AUTH_TOKEN", "from.env.token"));

        CliRun.run(TenantCommand.class, withEnv, "list");
        CliRun.run(TenantCommand.class, withEnv, "list", "--auth-token", "from.option.token");
        run("list");

        assertThat(server.requests()).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer from.env.token", "Bearer from.option.token", null);
    }

    @Test
    void createMakesTheTenantAndItsInitialTimeline() {
        PgMajorVersion pg = PgMajorVersion.defaultForTests();
        server.respond("POST", "/v1/tenant", 201, "\"" + TENANT + "\"")
                .respond("POST", "/v1/tenant/" + TENANT + "/timeline", 201,
                        JsonText.write(FakePageserver.timeline(TIMELINE, Optional.empty(), pg.major())));

        CliRun run = run("create", "--tenant-id", TENANT.hex(), "--timeline-id", TIMELINE.hex(),
                "--pg-version", Integer.toString(pg.major()));

        assertThat(run.exitCode()).isZero();
        assertThat(server.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.body()).containsExactly(
                "POST /v1/tenant {\"new_tenant_id\":\"" + TENANT + "\"}",
                "POST /v1/tenant/" + TENANT + "/timeline {\"new_timeline_id\":\"" + TIMELINE + "\",\"pg_version\":" + pg.major() + "}");
        assertThat(run.out()).isEqualTo(
                "TENANT ID                         INITIAL TIMELINE ID               PG  LAST RECORD LSN\n"
                + TENANT + "  " + TIMELINE + "  " + pg.major() + "  0/16B5A50\n");
    }

    @Test
    void createWithoutOptionsLetsTheServerGenerateIdsAndUsesTheProjectDefaultVersion() {
        server.respond("POST", "/v1/tenant", 201, "\"" + OTHER + "\"")
                .respond("POST", "/v1/tenant/" + OTHER + "/timeline", 201,
                        JsonText.write(FakePageserver.timeline(TIMELINE, Optional.empty(), PgMajorVersion.DEFAULT_PG_VERSION.major())));

        CliRun run = run("create", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(server.requests()).extracting(r -> r.body()).containsExactly(
                "{}", "{\"pg_version\":" + PgMajorVersion.DEFAULT_PG_VERSION.major() + "}");
        CreatedTenant printed = JsonText.read(run.out(), CreatedTenant.class);
        assertThat(printed.tenantId()).isEqualTo(OTHER);
        assertThat(printed.initialTimeline().timelineId()).isEqualTo(TIMELINE);
    }

    @Test
    void createOfAnExistingTenantShowsTheServersMessage() {
        server.respond("POST", "/v1/tenant", 409, "{\"msg\":\"tenant " + TENANT + " already exists\"}");

        CliRun run = run("create", "--tenant-id", TENANT.hex());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("neon-operator: cannot create tenant: POST " + server.baseUri()
                + "/v1/tenant: HTTP 409: tenant " + TENANT + " already exists\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void createSaysWhenTheTenantExistsButItsTimelineFailed() {
        server.respond("POST", "/v1/tenant", 201, "\"" + TENANT + "\"")
                .respond("POST", "/v1/tenant/" + TENANT + "/timeline", 500, "{\"msg\":\"failed to bootstrap: initdb not found\"}");

        CliRun run = run("create", "--tenant-id", TENANT.hex());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("neon-operator: tenant " + TENANT + " was created, but not its initial timeline: POST ")
                .endsWith("HTTP 500: failed to bootstrap: initdb not found\n");
    }

    @Test
    void badOptionValuesAreRefusedBeforeAnyCall() {
        CliRun badId = run("create", "--tenant-id", "ABC");
        CliRun badVersion = run("create", "--pg-version", "13");

        assertThat(badId.exitCode()).isEqualTo(2);
        assertThat(badId.err()).contains("Invalid value for option '--tenant-id': invalid tenant id \"ABC\": expected 32 lower-case hex characters");
        assertThat(badVersion.exitCode()).isEqualTo(2);
        assertThat(badVersion.err()).contains("Invalid value for option '--pg-version': unsupported Postgres major version 13");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void helpWorksOnEveryLevel() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"list", "--help"}, new String[] {"create", "--help"})) {
            CliRun run = run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).startsWith("Usage: tenant");
        }
        assertThat(run("create", "--help").out()).contains("--pg-version=N",
                "(default: " + PgMajorVersion.DEFAULT_PG_VERSION.major() + ")", "--auth-token=JWT", "$NEON_AUTH_TOKEN");
    }

    @Test
    void withoutSubcommandItAsksForOne() {
        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing subcommand: list or create");
    }
}

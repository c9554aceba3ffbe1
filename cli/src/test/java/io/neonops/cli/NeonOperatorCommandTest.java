package io.neonops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NeonOperatorCommandTest {

    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome run(String... args) {
        CommandLine cli = NeonOperatorCommand.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEverySubcommand() {
        Outcome outcome = run("--help");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("run ", "render ", "local ");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {
                {"run", "--help"}, {"render", "--help"}, {"local", "--help"}, {"local", "start", "--help"},
                {"local", "status", "--help"}, {"local", "stop", "--help"}, {"local", "tenant", "list", "--help"},
                {"local", "tenant", "create", "--help"}, {"local", "timeline", "list", "--help"},
                {"local", "timeline", "create", "--help"}}) {
            Outcome outcome = run(command);
            assertThat(outcome.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(outcome.out()).as(String.join(" ", command)).startsWith("Usage: neon-operator " + command[0]);
        }
    }

    @Test
    void onlyTheBranchTheArgumentsNameIsBuilt() {
        CommandLine stop = NeonOperatorCommand.commandLine(new String[] {"local", "stop", "--dir", "x"});
        CommandLine tenants = NeonOperatorCommand.commandLine(new String[] {"local", "tenant", "list"});

        assertThat(stop.getSubcommands()).containsOnlyKeys("local");
        assertThat(stop.getSubcommands().get("local").getSubcommands()).containsOnlyKeys("start", "status", "stop");
        assertThat(tenants.getSubcommands().get("local").getSubcommands())
                .containsOnlyKeys("start", "status", "stop", "tenant");
        assertThat(NeonOperatorCommand.commandLine(new String[] {"render", "-f", "x"}).getSubcommands()).containsOnlyKeys("render");
    }

    @Test
    void argumentsThatNameNoSubcommandGetEverySubcommandAtThatLevel() {
        for (String[] args : new String[][] {{}, {"--help"}, {"lokal", "start"}}) {
            assertThat(NeonOperatorCommand.commandLine(args).getSubcommands()).as(String.join(" ", args))
                    .containsOnlyKeys("run", "render", "local");
        }
        for (String[] args : new String[][] {{"local"}, {"local", "--help"}, {"local", "tenant-list"}}) {
            assertThat(NeonOperatorCommand.commandLine(args).getSubcommands().get("local").getSubcommands())
                    .as(String.join(" ", args)).containsOnlyKeys("start", "status", "stop", "tenant", "timeline");
        }
    }

    @Test
    void anUnknownSubcommandIsNamedWithTheKnownOnes() {
        Outcome outcome = run("lokal", "start");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Unmatched argument", "'lokal'", "local");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        Outcome outcome = run();

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("a subcommand is required");
    }

    @Test
    void failuresArePrintedAsOneLineWithNonZeroExit(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n");

        Outcome outcome = run("render", "-f", file.toString());

        assertThat(outcome.exitCode()).isEqualTo(NeonOperatorCommand.EXIT_FAILURE);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err().strip()).isEqualTo("neon-operator: " + file
                + ": expected apiVersion neonops.io/v1alpha1 and kind NeonCluster, got apiVersion \"v1\" and kind \"Pod\"");
    }

    @Test
    void renderPrintsTheEtcdExampleClustersObjects() {
        Outcome outcome = run("render", "-f", Path.of("..", "examples", "neoncluster-etcd.yaml").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("name: \"demo-etcd-0\"", "name: \"demo-safekeeper-2\"",
                "kind: \"PodDisruptionBudget\"", "kind: \"PersistentVolumeClaim\"");
    }

    @Test
    void renderPrintsEveryObjectOfTheModernExampleCluster() {
        Outcome outcome = run("render", "-f", Path.of("..", "examples", "neoncluster.yaml").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("name: \"neon-storage-broker-0\"", "name: \"neon-storage-controller-0\"",
                "name: \"neon-storage-controller-db-0\"", "name: \"neon-storage-controller-db-0-data\"",
                "kind: \"Secret\"", "name: \"neon-storage-controller-db\"", "name: \"neon-pageserver\"",
                "name: \"neon-safekeeper-2\"", "identity.toml", "metadata.json")
                .doesNotContain("etcd");
    }

    @Test
    void multiLineMessagesAreFoldedIntoOneLine() {
        assertThat(NeonOperatorCommand.oneLine(new IllegalStateException("first\n  second\r\nthird"))).isEqualTo("first second third");
        assertThat(NeonOperatorCommand.oneLine(new IllegalStateException(null, new java.io.IOException("disk full"))))
                .isEqualTo("IllegalStateException: disk full");
    }
}

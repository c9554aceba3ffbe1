package io.neonops.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.runtime.ApiServerCheck;
import io.neonops.operator.runtime.KubernetesVersion;
import io.neonops.operator.runtime.OperatorFailedException;
import io.neonops.operator.runtime.OperatorStartException;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.HttpGet;
import io.neonops.operator.testing.LeaseAccess;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Poll;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@EnableKubernetesMockClient(crud = true)
class RunCommandTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    Path dir;

    /** What {@code GET /version} answers, as a real API server of {@code gitVersion} does. */
    private static VersionInfo serverVersion(String major, String minor, String gitVersion) {
        return new VersionInfo.Builder().withMajor(major).withMinor(minor).withGitVersion(gitVersion).build();
    }

    @BeforeEach
    void serveASupportedKubernetes() {
        server.setVersionInfo(serverVersion("1", "31", "v1.31.2"));
    }

    @Test
    void runsTheOperatorUntilInterruptedWithServerSideApplyOff() throws Exception {
        OperatorHarness.installCrd(client);
        Path kubeconfig = kubeconfig(server.url("/"));
        RunCommand command = new RunCommand();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command).setErr(new PrintWriter(err));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(cli.execute(withLoopbackEndpoints("--kubeconfig", kubeconfig.toString(),
                "--no-server-side-apply", "--namespace", "team-a"))));
        runner.start();
        try {
            Poll.until("the operator watching", () -> err.toString().contains("watching namespaces team-a"));
            ClusterFixtures.create(client, "team-a", ClusterFixtures.DEMO);
            Poll.until("pods of demo", () -> client.pods().inNamespace("team-a").list().getItems().size() == 5);
        } finally {
            runner.interrupt();
            runner.join();
        }
        assertThat(exit.get()).isZero();
        assertThat(command.serverSideApply).isFalse();
    }

    /**
     * The kubelet's SIGTERM, sent to this JVM while run's handler is installed: the operator stops, hands its
     * Lease over, closes its endpoints and the command exits with status 0.
     */
    @Test
    void sigtermStopsGracefullyReleasingTheLeaseWithExitStatusZero() throws Exception {
        OperatorHarness.installCrd(client);
        LeaseAccess.grant(server);
        Path kubeconfig = kubeconfig(server.url("/"));
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RunCommand()).setErr(new PrintWriter(err));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(cli.execute(withLoopbackEndpoints("--kubeconfig", kubeconfig.toString(),
                "--server-side-apply=false", "--leader-election=true", "--leader-election-namespace=operators",
                "--leader-election-lease-name=neon-lease", "--log-format=text"))));
        runner.start();
        InetSocketAddress health;
        try {
            String announced = Poll.value("the operator watching", () -> Optional.of(err.toString())
                    .filter(text -> text.contains("watching all namespaces")));
            health = address(announced, "health on ");
            Poll.until("the Lease held", () -> !LeaseAccess.holder(client, "operators", "neon-lease").isEmpty());
            assertThat(HttpGet.get(health, "/readyz").body()).startsWith("ok: reconciling: holds Lease operators/neon-lease");

            Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(ProcessHandle.current().pid())).start();
            assertThat(kill.waitFor()).isZero();
        } finally {
            runner.join(Poll.DEADLINE.toMillis());
        }

        assertThat(runner.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(LeaseAccess.holder(client, "operators", "neon-lease")).isEmpty();
        assertThatThrownBy(() -> HttpGet.get(health, "/healthz")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void losingTheLeaseEndsRunWithTheReasonInOneLine() throws Exception {
        OperatorHarness.installCrd(client);
        LeaseAccess.grant(server);
        RunCommand command = parsed(withLoopbackEndpoints("--kubeconfig", kubeconfig(server.url("/")).toString(),
                "--server-side-apply=false", "--leader-election", "--leader-election-namespace=operators",
                "--leader-election-lease-name=lost-lease"));
        CompletableFuture<Object> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return command.call();
            } catch (Exception e) {
                return e;
            }
        });

        Poll.until("the Lease held", () -> !LeaseAccess.holder(client, "operators", "lost-lease").isEmpty());
        Poll.until("the Lease taken over", () -> LeaseAccess.takeOver(client, "operators", "lost-lease", "intruder"));

        assertThat(outcome.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(OperatorFailedException.class)
                .extracting(o -> ((Exception) o).getMessage())
                .isEqualTo("lost the leader-election Lease operators/lost-lease; stopping so that only the new holder "
                        + "reconciles");
    }

    @Test
    void acceptsEveryFlagTheHelmChartPasses() {
        RunCommand command = parsed("--namespace=team-a", "--namespace=team-b", "--server-side-apply=true",
                "--leader-election=true", "--leader-election-namespace=neon-system",
                "--leader-election-lease-name=neon-operator", "--health-port=8081", "--metrics-port=8080",
                "--log-format=json");

        assertThat(command.namespaces).containsExactly("team-a", "team-b");
        assertThat(command.leaderElection).isTrue();
        assertThat(command.leaseNamespace).hasValue("neon-system");
        assertThat(command.leaseName).isEqualTo("neon-operator");
        assertThat(command.healthPort).isEqualTo(8081);
        assertThat(command.metricsPort).isEqualTo(8080);
        assertThat(command.logFormat).isEqualTo("json");
        assertThat(command.bindAddress).isEqualTo("0.0.0.0");
    }

    @Test
    void defaultsSuitALocalRunWithServerSideApplyOnAndLeaderElectionOff() {
        RunCommand byDefault = parsed();

        assertThat(byDefault.serverSideApply).isTrue();
        assertThat(byDefault.leaderElection).isFalse();
        assertThat(byDefault.logFormat).isEqualTo("text");
        assertThat(parsed("--leader-election").leaderElection).isTrue();
        assertThat(parsed("--server-side-apply=false").serverSideApply).isFalse();
    }

    @Test
    void refusesAnUnknownLogFormatInOneLine() {
        assertThatThrownBy(() -> run("--log-format=xml"))
                .isInstanceOf(OperatorStartException.class)
                .hasMessage("--log-format: expected text or json, got \"xml\"");
    }

    @Test
    void refusesTheSamePortForHealthAndMetrics() {
        assertThatThrownBy(() -> run("--health-port=9000", "--metrics-port=9000"))
                .isInstanceOf(OperatorStartException.class)
                .hasMessage("--health-port and --metrics-port must differ, both are 9000");
    }

    @Test
    void failsInOneLineWhenNoApiServerAnswers() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path kubeconfig = kubeconfig("https://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> run("--kubeconfig", kubeconfig.toString()))
                .isInstanceOf(OperatorStartException.class)
                .hasMessageStartingWith("cannot reach the Kubernetes API server at https://127.0.0.1:" + closedPort)
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesAnApiServerOlderThanTheSupportedFloorNamingBothVersions() {
        server.setVersionInfo(serverVersion("1", "27", "v1.27.16"));

        assertThatThrownBy(() -> run("--kubeconfig", kubeconfig(server.url("/")).toString()))
                .isInstanceOf(OperatorStartException.class)
                .hasMessageContaining("runs v1.27.16")
                .hasMessageEndingWith("neon-operator needs Kubernetes " + KubernetesVersion.MINIMUM + " or later")
                .hasMessageNotContaining("\n");
    }

    @Test
    void acceptsTheFloorAsAProviderReportsIt() {
        OperatorHarness.installCrd(client);
        server.setVersionInfo(serverVersion("1", "28+", "v1.28.15-eks-f69f56f"));

        assertThatCode(() -> ApiServerCheck.verify(client.getConfiguration())).doesNotThrowAnyException();
    }

    @Test
    void failsWhenTheCrdIsNotInstalled() {
        client.apiextensions().v1().customResourceDefinitions().withName("neonclusters.neonops.io").delete();

        assertThatThrownBy(() -> run("--kubeconfig", kubeconfig(server.url("/")).toString()))
                .isInstanceOf(OperatorStartException.class)
                .hasMessageContaining("CRD (neonclusters.neonops.io) is not installed")
                .hasMessageContaining("kubectl apply -f crds/neonclusters.neonops.io-v1.yml");
    }

    @Test
    void namesAMissingKubeconfig() {
        Path missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> run("--kubeconfig", missing.toString()))
                .hasMessage("kubeconfig " + missing + ": no such file");
    }

    @Test
    void namesAKubeconfigThatIsNotYaml() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "clusters: [unclosed\n");

        assertThatThrownBy(() -> run("--kubeconfig", broken.toString()))
                .hasMessageStartingWith("kubeconfig " + broken + ": not valid YAML");
    }

    @Test
    void namesAKubeconfigOfTheWrongKind() throws IOException {
        Path cluster = Files.writeString(dir.resolve("cluster.yaml"), "apiVersion: neonops.io/v1alpha1\nkind: NeonCluster\n");

        assertThatThrownBy(() -> run("--kubeconfig", cluster.toString()))
                .hasMessage("kubeconfig " + cluster + ": expected kind Config, got \"NeonCluster\"");
    }

    @Test
    void namesACurrentContextThatIsNotInTheKubeconfig() throws IOException {
        Path kubeconfig = kubeconfig(server.url("/"));
        Files.writeString(kubeconfig, Files.readString(kubeconfig).replace("current-context: test", "current-context: prod"));

        assertThatThrownBy(() -> run("--kubeconfig", kubeconfig.toString()))
                .isInstanceOf(OperatorStartException.class)
                .hasMessage("kubeconfig " + kubeconfig + ": current-context \"prod\" is not one of its contexts (test)");
    }

    @Test
    void namesACurrentContextMissingFromTheDefaultKubeconfig() throws IOException {
        Path kubeconfig = kubeconfig(server.url("/"));
        Files.writeString(kubeconfig, Files.readString(kubeconfig).replace("current-context: test", "current-context: prod"));
        String previous = System.getProperty(Config.KUBERNETES_KUBECONFIG_FILE);
        System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, kubeconfig.toString());
        try {
            assertThatThrownBy(() -> run())
                    .isInstanceOf(OperatorStartException.class)
                    .hasMessage("kubeconfig " + kubeconfig + ": current-context \"prod\" is not one of its contexts (test)");
        } finally {
            if (previous == null) {
                System.clearProperty(Config.KUBERNETES_KUBECONFIG_FILE);
            } else {
                System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, previous);
            }
        }
    }

    /** The endpoints on free loopback ports, so that tests never collide with each other or expose a port. */
    private static String[] withLoopbackEndpoints(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bind-address=127.0.0.1", "--health-port=0", "--metrics-port=0"));
        return all.toArray(String[]::new);
    }

    /** The address after {@code label} in run's announcement, e.g. {@code health on 127.0.0.1:41234}. */
    private static InetSocketAddress address(String announcement, String label) {
        Matcher matcher = Pattern.compile(Pattern.quote(label) + "([0-9.]+):([0-9]+)").matcher(announcement);
        assertThat(matcher.find()).as("%s in %s", label, announcement).isTrue();
        return new InetSocketAddress(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    private static RunCommand parsed(String... args) {
        RunCommand command = new RunCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static void run(String... args) throws Exception {
        parsed(args).call();
    }

    private Path kubeconfig(String serverUrl) throws IOException {
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: test
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                users:
                - name: test
                  user: {token: secret}
                contexts:
                - name: test
                  context: {cluster: test, user: test, namespace: default}
                current-context: test
                """.formatted(serverUrl));
    }
}

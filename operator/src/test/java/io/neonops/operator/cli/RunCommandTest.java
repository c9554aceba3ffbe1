package io.neonops.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.runtime.OperatorStartException;
import io.neonops.operator.testing.ClusterFixtures;
import io.neonops.operator.testing.OperatorHarness;
import io.neonops.operator.testing.Poll;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@EnableKubernetesMockClient(crud = true)
class RunCommandTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void runsTheOperatorUntilStoppedWithServerSideApplyOff() throws Exception {
        OperatorHarness.installCrd(client);
        Path kubeconfig = kubeconfig(server.url("/"));
        RunCommand command = new RunCommand();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command).setErr(new PrintWriter(err));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(cli.execute("--kubeconfig", kubeconfig.toString(),
                "--no-server-side-apply", "--namespace", "team-a")));
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

    @Test
    void serverSideApplyIsOnByDefaultAndCanBeTurnedOffWithAValue() {
        RunCommand byDefault = new RunCommand();
        new CommandLine(byDefault).parseArgs();
        RunCommand off = new RunCommand();
        new CommandLine(off).parseArgs("--server-side-apply=false");

        assertThat(byDefault.serverSideApply).isTrue();
        assertThat(off.serverSideApply).isFalse();
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

    private static void run(String... args) throws Exception {
        RunCommand command = new RunCommand();
        new CommandLine(command).parseArgs(args);
        command.call();
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

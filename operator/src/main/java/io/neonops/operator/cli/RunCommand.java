package io.neonops.operator.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.neonops.operator.reconcile.ReconcileSettings;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.runtime.ApiServerCheck;
import io.neonops.operator.runtime.KubeconfigFile;
import io.neonops.operator.runtime.NeonOperator;
import io.neonops.operator.runtime.OperatorSettings;
import io.neonops.operator.runtime.OperatorStartException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: the operator itself, until the process is stopped. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = "Runs the operator against the current kubeconfig context (or the in-cluster service account), "
                + "reconciling the NeonClusters of every namespace or of the named ones.")
public final class RunCommand implements Callable<Integer> {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "Watch this namespace; repeat for several (default: all namespaces)")
    List<String> namespaces = List.of();

    @Option(names = "--server-side-apply", negatable = true, arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Write objects with server-side apply (default: ${DEFAULT-VALUE}); "
                    + "--no-server-side-apply uses create and merge patch, for API servers without it")
    boolean serverSideApply;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "kubeconfig to use instead of KUBECONFIG, ~/.kube/config or the in-cluster config")
    Path kubeconfig;

    @Option(names = "--cluster-domain", paramLabel = "DOMAIN", defaultValue = KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN,
            description = "DNS domain of the Kubernetes cluster (default: ${DEFAULT-VALUE})")
    String clusterDomain;

    /** Counted down when the JVM is asked to stop. */
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    /** Counted down once the operator has stopped, which the shutdown hook waits for. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws OperatorStartException {
        Config config = kubeconfig == null ? Config.autoConfigure(null) : KubeconfigFile.load(kubeconfig);
        ApiServerCheck.verify(config);
        String instance = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("neon-operator");
        OperatorSettings settings = new OperatorSettings(new LinkedHashSet<>(namespaces),
                new ReconcileSettings(serverSideApply, clusterDomain, instance), OperatorSettings.DEFAULT_RESYNC_INTERVAL);
        Thread hook = new Thread(this::stopAndWait, "neon-operator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
             NeonOperator operator = NeonOperator.start(client, settings, Metrics.NOOP)) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("neon-operator: watching " + (namespaces.isEmpty() ? "all namespaces" : "namespaces "
                    + String.join(", ", namespaces)) + " at " + config.getMasterUrl()
                    + (serverSideApply ? "" : " (server-side apply off)"));
            err.flush();
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
            removeHook(hook);
        }
        return 0;
    }

    private void stopAndWait() {
        stopRequested.countDown();
        try {
            stopped.await(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down, which is how the operator is normally stopped
        }
    }
}

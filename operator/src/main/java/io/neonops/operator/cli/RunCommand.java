package io.neonops.operator.cli;

import ch.qos.logback.classic.LoggerContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.neonops.operator.reconcile.ReconcileSettings;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.runtime.ApiServerCheck;
import io.neonops.operator.runtime.EndpointSettings;
import io.neonops.operator.runtime.HttpEndpoints;
import io.neonops.operator.runtime.KubeconfigFile;
import io.neonops.operator.runtime.LeaderElection;
import io.neonops.operator.runtime.LogFormat;
import io.neonops.operator.runtime.NeonOperator;
import io.neonops.operator.runtime.OperatorFailedException;
import io.neonops.operator.runtime.OperatorProcess;
import io.neonops.operator.runtime.OperatorSettings;
import io.neonops.operator.runtime.OperatorStartException;
import io.neonops.operator.runtime.StopSignals;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: the operator itself, until SIGTERM or SIGINT (exit status 0) or a fatal failure (status 1). */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Runs the operator against the current kubeconfig context (or the in-cluster service account), "
                + "reconciling the NeonClusters of every namespace or of the named ones.",
                "Serves GET /healthz and /readyz on the health port and GET /metrics (Prometheus) on the metrics port."})
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "Watch this namespace; repeat for several (default: all namespaces)")
    List<String> namespaces = List.of();

    @Option(names = "--server-side-apply", negatable = true, arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Write objects with server-side apply (default: ${DEFAULT-VALUE}); "
                    + "--no-server-side-apply uses create and merge patch, for API servers without it")
    boolean serverSideApply;

    @Option(names = "--leader-election", arity = "0..1", defaultValue = "false", fallbackValue = "true",
            paramLabel = "true|false",
            description = "Reconcile only while holding a Lease, so that several replicas never reconcile at once "
                    + "(default: ${DEFAULT-VALUE}; the Helm chart turns it on)")
    boolean leaderElection;

    @Option(names = "--leader-election-namespace", paramLabel = "NAMESPACE",
            description = "Namespace of the Lease (default: the POD_NAMESPACE environment variable)")
    Optional<String> leaseNamespace = Optional.empty();

    @Option(names = "--leader-election-lease-name", paramLabel = "NAME", defaultValue = LeaderElection.DEFAULT_LEASE_NAME,
            description = "Name of the Lease (default: ${DEFAULT-VALUE})")
    String leaseName;

    @Option(names = "--health-port", paramLabel = "PORT", defaultValue = "" + EndpointSettings.DEFAULT_HEALTH_PORT,
            description = "Port of GET /healthz (liveness) and GET /readyz (readiness) (default: ${DEFAULT-VALUE}; "
                    + "0: any free port)")
    int healthPort;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "" + EndpointSettings.DEFAULT_METRICS_PORT,
            description = "Port of GET /metrics in Prometheus text format (default: ${DEFAULT-VALUE}; 0: any free port)")
    int metricsPort;

    @Option(names = "--bind-address", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "Address the health and metrics ports listen on (default: ${DEFAULT-VALUE})")
    String bindAddress;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
            description = "Log lines as text, or as one JSON object per line (default: ${DEFAULT-VALUE})")
    String logFormat;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "kubeconfig to use instead of KUBECONFIG, ~/.kube/config or the in-cluster config")
    Path kubeconfig;

    @Option(names = "--cluster-domain", paramLabel = "DOMAIN", defaultValue = KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN,
            description = "DNS domain of the Kubernetes cluster (default: ${DEFAULT-VALUE})")
    String clusterDomain;

    @Option(names = "--storcon-hook-base-url", paramLabel = "URL",
            defaultValue = KubernetesEnvironment.DEFAULT_OPERATOR_URL,
            description = "Where storage controllers reach this operator's metrics port, which serves their"
                    + " compute-notification hook at /storcon-hooks/<namespace>/<cluster> (default: ${DEFAULT-VALUE},"
                    + " the chart's metrics Service of release neon-operator in namespace neon-operator)")
    String storconHookBaseUrl;

    @Option(names = "--pod-monitors-by-default", arity = "0..1", defaultValue = "false", fallbackValue = "true",
            description = "Create a Prometheus Operator PodMonitor for clusters that leave spec.monitoring.podMonitor "
                    + "unset (default: ${DEFAULT-VALUE})")
    boolean podMonitorsByDefault;

    @Option(names = "--tenant-refresh-seconds", paramLabel = "SECONDS", defaultValue = "60",
            description = "How often the LSNs, size and state of every NeonTenant and NeonTimeline are read from Neon"
                    + " again; the status is written only when they changed (default: ${DEFAULT-VALUE})")
    long tenantRefreshSeconds;

    private Duration tenantRefresh() throws OperatorStartException {
        if (tenantRefreshSeconds <= 0) {
            throw new OperatorStartException("--tenant-refresh-seconds: must be positive, got " + tenantRefreshSeconds);
        }
        return Duration.ofSeconds(tenantRefreshSeconds);
    }

    @Override
    public Integer call() throws OperatorStartException, OperatorFailedException {
        useLogFormat();
        EndpointSettings endpoints = endpointSettings();
        Map<String, String> env = System.getenv();
        Optional<LeaderElection> election = leaderElection
                ? Optional.of(LeaderElection.resolve(leaseNamespace, leaseName, env))
                : Optional.empty();
        if (kubeconfig == null) {
            KubeconfigFile.checkDefaultFiles();
        }
        Config config = kubeconfig == null ? Config.autoConfigure(null) : KubeconfigFile.load(kubeconfig);
        ApiServerCheck.verify(config);
        String instance = Optional.ofNullable(env.get("HOSTNAME")).orElse("neon-operator");
        OperatorSettings settings = new OperatorSettings(new LinkedHashSet<>(namespaces),
                new ReconcileSettings(serverSideApply, clusterDomain, instance).withPodMonitorsByDefault(podMonitorsByDefault)
                        .withStorconHookBaseUrl(storconHookBaseUrl),
                OperatorSettings.DEFAULT_RESYNC_INTERVAL,
                election).withTenantRefresh(tenantRefresh());
        Optional<String> failure;
        boolean interrupted = false;
        try (StopSignals signals = StopSignals.install();
             KubernetesClient client = new KubernetesClientBuilder()
                     .withConfig(new ConfigBuilder(config).withUserAgent(NeonOperator.USER_AGENT).build()).build();
             OperatorProcess process = OperatorProcess.start(client, settings, endpoints)) {
            announce(config, process.endpoints());
            CompletableFuture<String> signalled = signals.received();
            try {
                CompletableFuture.anyOf(signalled, process.failure()).get();
            } catch (InterruptedException e) {
                // how an in-process caller stops the command; the interrupt is restored once stopped
                interrupted = true;
            } catch (ExecutionException e) {
                throw new IllegalStateException("the stop futures only ever complete normally", e);
            }
            failure = signalled.isDone() || interrupted ? Optional.empty() : Optional.of(process.failure().join());
            LOG.info("{}: stopping", signalled.getNow(interrupted ? "interrupted" : "failed"));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.isPresent()) {
            throw new OperatorFailedException(failure.get());
        }
        return 0;
    }

    private void useLogFormat() throws OperatorStartException {
        LogFormat format;
        try {
            format = LogFormat.parse(logFormat);
        } catch (IllegalArgumentException e) {
            throw new OperatorStartException("--log-format: " + e.getMessage());
        }
        ILoggerFactory loggers = LoggerFactory.getILoggerFactory();
        if (!(loggers instanceof LoggerContext logback)) {
            throw new OperatorStartException("--log-format: logging goes to " + loggers.getClass().getName()
                    + ", not logback, so the format cannot be chosen");
        }
        format.applyTo(logback);
    }

    private EndpointSettings endpointSettings() throws OperatorStartException {
        try {
            return new EndpointSettings(InetAddress.getByName(bindAddress), healthPort, metricsPort);
        } catch (UnknownHostException e) {
            throw new OperatorStartException("--bind-address: not an address: " + bindAddress);
        } catch (IllegalArgumentException e) {
            throw new OperatorStartException(e.getMessage());
        }
    }

    private void announce(Config config, HttpEndpoints endpoints) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("neon-operator: watching " + (namespaces.isEmpty() ? "all namespaces" : "namespaces "
                + String.join(", ", namespaces)) + " at " + config.getMasterUrl()
                + (serverSideApply ? "" : " (server-side apply off)")
                + "; health on " + address(endpoints.healthAddress()) + ", metrics on " + address(endpoints.metricsAddress()));
        err.flush();
    }

    private static String address(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}

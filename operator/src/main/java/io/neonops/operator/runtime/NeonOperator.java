package io.neonops.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.api.monitoring.AggregatedMetrics;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.metrics.OperatorMetrics;
import io.neonops.operator.rbac.RequiredPermissions;
import io.neonops.operator.reconcile.ClusterUpdates;
import io.neonops.operator.reconcile.NeonClusterReconciler;
import io.neonops.operator.tenant.NeonTenantReconciler;
import io.neonops.operator.tenant.TenantSettings;
import io.neonops.operator.timeline.NeonTimelineReconciler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NeonCluster, NeonTenant and NeonTimeline reconcilers registered with the Java Operator SDK, from registration through start to a
 * graceful stop. With leader election every replica syncs its caches, and only the holder of the Lease
 * reconciles.
 */
public final class NeonOperator implements AutoCloseable, HealthProbes {

    public static final String CONTROLLER_NAME = "neoncluster";
    public static final String TENANT_CONTROLLER_NAME = "neontenant";
    public static final String TIMELINE_CONTROLLER_NAME = "neontimeline";
    /** How the operator's requests show in the API server's audit log. */
    public static final String USER_AGENT = "neon-operator";
    /** How long a stop waits for the reconciles in flight before it interrupts them and releases the Lease. */
    public static final Duration RECONCILE_TERMINATION_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(NeonOperator.class);

    private enum State { REGISTERED, RUNNING, STOPPING, STOPPED }

    private final KubernetesClient client;
    private final Operator operator;
    private final RegisteredController<NeonCluster> controller;
    private final List<RegisteredController<?>> tenancy;
    private final Leadership leadership;
    private final boolean leaderElection;
    private final CompletableFuture<String> failure = new CompletableFuture<>();
    private volatile State state = State.REGISTERED;

    private NeonOperator(KubernetesClient client, OperatorSettings settings, MeterRegistry registry, List<Metrics> listeners) {
        this.client = client;
        this.leaderElection = settings.leaderElection().isPresent();
        this.leadership = new Leadership(settings.leaderElection(), registry, this::fail);
        OperatorMetrics metrics = new OperatorMetrics(registry);
        List<Metrics> sdkMetrics = new ArrayList<>(List.of(MicrometerMetrics.withoutPerResourceMetrics(registry), metrics));
        sdkMetrics.addAll(listeners);
        boolean ssa = settings.reconcile().serverSideApply();
        this.operator = new Operator(o -> {
            o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withUseSSAToPatchPrimaryResource(ssa)
                    .withSSABasedCreateUpdateMatchForDependentResources(ssa)
                    .withMetrics(new AggregatedMetrics(sdkMetrics))
                    .withReconciliationTerminationTimeout(RECONCILE_TERMINATION_TIMEOUT)
                    // the SDK would call System.exit; stopping through the same path as SIGTERM releases the Lease
                    .withInformerStoppedHandler((informer, error) -> {
                        if (error != null && informer.hasSynced()) {
                            fail("an informer stopped: " + error.getMessage());
                        }
                    });
            settings.leaderElection().ifPresent(election -> o.withLeaderElectionConfiguration(
                    LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(election.leaseName())
                            .withLeaseNamespace(election.leaseNamespace())
                            .withIdentity(election.identity())
                            .withLeaderCallbacks(leadership.callbacks())
                            // losing the Lease completes failure(), whose caller stops the process
                            .withExitOnStopLeading(false)
                            .build()));
        });
        this.controller = operator.register(new NeonClusterReconciler(settings.reconcile(), Clock.systemUTC(), metrics), c -> {
            c.withName(CONTROLLER_NAME);
            // the pause annotation is no spec change, yet it must be seen at once; a status write alone is no reason
            c.withGenerationAware(false);
            c.withOnUpdateFilter(ClusterUpdates::needsReconcile);
            c.withReconciliationMaxInterval(settings.resyncInterval());
            if (settings.namespaces().isEmpty()) {
                c.watchingAllNamespaces();
            } else {
                c.settingNamespaces(settings.namespaces());
            }
        });
        TenantSettings tenants = new TenantSettings(settings.reconcile(), settings.tenantRefresh(), Clock.systemUTC());
        this.tenancy = List.of(
                operator.register(new NeonTenantReconciler(tenants), c -> tenancyController(c, TENANT_CONTROLLER_NAME, settings)),
                operator.register(new NeonTimelineReconciler(tenants),
                        c -> tenancyController(c, TIMELINE_CONTROLLER_NAME, settings)));
    }

    /** Tenants and timelines: a spec change, or the refresh each pass asks for, starts a pass; a status write does not. */
    private static void tenancyController(ControllerConfigurationOverrider<?> c, String name, OperatorSettings settings) {
        c.withName(name);
        c.withReconciliationMaxInterval(settings.resyncInterval());
        if (settings.namespaces().isEmpty()) {
            c.watchingAllNamespaces();
        } else {
            c.settingNamespaces(settings.namespaces());
        }
    }

    /**
     * Registers the reconciler; nothing talks to the API server until {@link #start()}.
     *
     * @param client    the client, which stays open when the operator stops
     * @param registry  where the SDK's and the operator's metrics go
     * @param listeners more listeners to the SDK's reconcile events
     */
    public static NeonOperator create(KubernetesClient client, OperatorSettings settings, MeterRegistry registry,
                                      Metrics... listeners) {
        return new NeonOperator(client, settings, registry, List.of(listeners));
    }

    /**
     * Starts the informers, returns once their caches are synced, and reconciles at once or, with leader
     * election, once this replica holds the Lease.
     *
     * @throws OperatorStartException when an informer cannot list its resources, or the Lease is not accessible
     */
    public void start() throws OperatorStartException {
        try {
            operator.start();
        } catch (OperatorException e) {
            throw new OperatorStartException("cannot start the operator: " + RootCause.message(e));
        }
        state = State.RUNNING;
        LOG.info("started: {}", leadership.describe());
    }

    /** Completes, with one line saying why, when the operator must stop although nobody asked it to. */
    public CompletableFuture<String> failure() {
        return failure;
    }

    /** What the chart's RBAC rules must grant, derived from the registered controller. */
    public RequiredPermissions requiredPermissions() {
        return RequiredPermissions.of(controller, tenancy, leaderElection);
    }

    public boolean isLeader() {
        return leadership.isLeader();
    }

    /** Alive from the end of the first cache sync until the process ends, a graceful stop included. */
    @Override
    public Probe liveness() {
        return switch (state) {
            case REGISTERED -> Probe.failing("starting: the informers' caches are not synced yet");
            case RUNNING, STOPPING -> Probe.passing(state == State.RUNNING ? "running" : "stopping");
            case STOPPED -> Probe.failing("stopped");
        };
    }

    /**
     * Ready while running with every informer healthy, whether or not this replica holds the Lease: a standby
     * with warm caches is what a rolling update of the operator waits for before it stops the old replica.
     */
    @Override
    public Probe readiness() {
        if (state != State.RUNNING) {
            return Probe.failing(liveness().detail());
        }
        RuntimeInfo runtime = operator.getRuntimeInfo();
        if (!runtime.allEventSourcesAreHealthy()) {
            List<String> unhealthy = runtime.unhealthyEventSources().values().stream()
                    .flatMap(sources -> sources.keySet().stream()).sorted().toList();
            return Probe.failing("unhealthy informers: " + String.join(", ", unhealthy));
        }
        return Probe.passing(leadership.describe());
    }

    /**
     * Stops reconciling (waiting up to {@link #RECONCILE_TERMINATION_TIMEOUT} for reconciles in flight), then
     * releases the Lease so that a standby takes over at once. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (state == State.STOPPED) {
            return;
        }
        boolean wasRunning = state == State.RUNNING;
        state = State.STOPPING;
        leadership.stopping();
        operator.stop();
        leadership.release(client);
        state = State.STOPPED;
        if (wasRunning) {
            LOG.info("stopped");
        }
    }

    private void fail(String reason) {
        if (failure.complete(reason)) {
            LOG.error("{}", reason);
        }
    }

}

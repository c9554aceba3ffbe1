package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.InvalidClusterSpecException;
import io.neonops.controlplane.component.EtcdMembership;
import io.neonops.controlplane.etcd.MemberAddition;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.etcd.EtcdMemberJoiner;
import io.neonops.operator.etcd.JoinOutcome;
import io.neonops.operator.metrics.OperatorMetrics;
import io.neonops.operator.pageserver.PageserverApiTokens;
import io.neonops.operator.pageserver.PageserverTimelines;
import io.neonops.operator.reconcile.ClusterEvents.Type;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.resources.EtcdBootstrapMembers;
import io.neonops.operator.resources.InvalidEtcdBootstrapException;
import io.neonops.operator.resources.Owner;
import io.neonops.operator.resources.ResourceLabels;
import io.neonops.operator.status.ClusterConditions;
import io.neonops.operator.status.ClusterStatusBuilder;
import io.neonops.operator.status.Refusal;
import io.neonops.operator.status.UpgradeStatusMapping;
import io.neonops.operator.storcon.SafekeeperRegistrations;
import io.neonops.operator.storcon.StorageControllerObserver;
import io.neonops.operator.upgrade.ObservedPod;
import io.neonops.operator.upgrade.PageserverDrain;
import io.neonops.operator.upgrade.PageserverStep;
import io.neonops.operator.upgrade.RollStep;
import io.neonops.operator.upgrade.RollingUpgradePlanner;
import io.neonops.operator.upgrade.SpecSummary;
import io.neonops.operator.upgrade.UpgradeProgress;
import io.neonops.operator.upgrade.UpgradeStatus;
import io.neonops.operator.upgrade.VersionDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reconciles a NeonCluster: parses its spec (defaults and validation in one place), refuses what is unsafe,
 * writes only what differs from the desired resources, takes the rolling upgrade one step further, and
 * publishes the status when it changed. A resync of an unchanged cluster makes no write at all.
 */
public final class NeonClusterReconciler implements Reconciler<NeonCluster> {

    /** The Event reason when the running etcd cluster took a new member. */
    public static final String ETCD_MEMBER_ADDED = "EtcdMemberAdded";

    /** Degraded reasons of an accepted spec that cannot be carried out in full yet ({@link ClusterStatusBuilder#troubled}). */
    private static final Set<String> PROBLEMS = Set.of(Refusal.VOLUME_LOST, Refusal.ETCD_MEMBER_ADD_FAILED,
            Refusal.WRITE_FAILED, Refusal.SAFEKEEPER_REGISTRATION_FAILED, Refusal.PAGESERVER_DRAIN_CALL_FAILED,
            Refusal.PAGESERVER_REMOVAL_FAILED);

    /** How soon a cluster whose pageservers wait for the storage controller's word is reconciled again. */
    static final Duration STORAGE_CONTROLLER_POLL = Duration.ofSeconds(5);

    private final ReconcileSettings settings;
    private final Clock clock;
    private final OperatorMetrics metrics;
    private final PageserverTimelines timelines;
    private final EtcdMemberJoiner etcdJoiner;
    private final PodRestarts restarts;
    private final WriteBackoff writeBackoff = new WriteBackoff();
    private final WriteBackoff registrationBackoff = new WriteBackoff();
    private final StorageControllerObserver storageControllers;
    private final ProblemEvents problemEvents = new ProblemEvents();
    private final PodMonitorSync podMonitors;

    public NeonClusterReconciler(ReconcileSettings settings, Clock clock, OperatorMetrics metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.timelines = new PageserverTimelines(settings.pageservers(), settings.clusterDomain());
        this.etcdJoiner = new EtcdMemberJoiner(settings.etcd(), settings.clusterDomain());
        this.restarts = new PodRestarts(metrics);
        this.podMonitors = new PodMonitorSync(clock, settings.podMonitorsByDefault());
        this.storageControllers = new StorageControllerObserver(settings.storageControllers());
    }

    /**
     * What a reconcile decided.
     *
     * @param recheckAfter when to reconcile again even if nothing happens: a pod's ready deadline
     */
    private record Outcome(NeonClusterStatus status, Optional<Duration> recheckAfter) {

        static Outcome of(NeonClusterStatus status) {
            return new Outcome(status, Optional.empty());
        }

        /** This outcome, rechecked no later than {@code after}. */
        Outcome recheckBy(Duration after) {
            Duration sooner = recheckAfter.filter(r -> r.compareTo(after) < 0).orElse(after);
            return new Outcome(status, Optional.of(sooner));
        }
    }

    @Override
    public List<EventSource<?, NeonCluster>> prepareEventSources(EventSourceContext<NeonCluster> context) {
        List<EventSource<?, NeonCluster>> sources = new ArrayList<>();
        for (Class<? extends HasMetadata> kind : ObservedCluster.KINDS) {
            sources.add(informer(kind, context));
        }
        return sources;
    }

    private static <R extends HasMetadata> InformerEventSource<R, NeonCluster> informer(
            Class<R> kind, EventSourceContext<NeonCluster> context) {
        return new InformerEventSource<>(InformerEventSourceConfiguration.from(kind, NeonCluster.class)
                .withLabelSelector(ResourceLabels.MANAGED_SELECTOR)
                .withSecondaryToPrimaryMapper(ClusterMapping::owningCluster)
                .build(), context);
    }

    @Override
    public UpdateControl<NeonCluster> reconcile(NeonCluster cluster, Context<NeonCluster> context) {
        ClusterEvents events = new ClusterEvents(context.getClient(), settings.reportingInstance(), clock);
        Outcome outcome = Paused.isPaused(cluster)
                ? Outcome.of(ClusterStatusBuilder.paused(cluster, clock.instant()))
                : reconcileSpec(cluster, context, events);
        metrics.reconciled(cluster, outcome.status().getPhase());
        metrics.status(cluster, outcome.status());
        if (!outcome.status().equals(cluster.getStatus())) {
            recordTransitions(cluster, cluster.getStatus(), outcome.status(), events);
            writeStatus(cluster, outcome.status(), context);
        }
        UpdateControl<NeonCluster> control = UpdateControl.noUpdate();
        outcome.recheckAfter().ifPresent(control::rescheduleAfter);
        return control;
    }

    /**
     * Writes the status here rather than through the SDK after the reconcile, because only this way the SDK's cache
     * holds the written status at once: a reconcile that a pod's event starts before the watch delivers the write
     * would otherwise find the old status and write the same new one again.
     */
    private void writeStatus(NeonCluster cluster, NeonClusterStatus status, Context<NeonCluster> context) {
        if (settings.serverSideApply()) {
            NeonCluster intent = new NeonCluster();
            intent.setMetadata(new ObjectMetaBuilder().withName(cluster.getMetadata().getName())
                    .withNamespace(cluster.getMetadata().getNamespace()).build());
            intent.setStatus(status);
            PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(cluster, intent, context);
        } else {
            // a JSON patch from the status this reconcile saw, guarded by the resourceVersion (a merge patch would
            // append to the status's lists)
            PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(cluster, context, c -> {
                c.setStatus(status);
                return c;
            });
        }
    }

    private Outcome reconcileSpec(NeonCluster cluster, Context<NeonCluster> context, ClusterEvents events) {
        ClusterSpec spec;
        try {
            spec = ResourceSpecs.of(cluster);
        } catch (InvalidClusterSpecException e) {
            return refused(cluster, new Refusal(Refusal.INVALID_SPEC, e.getMessage()));
        }
        Owner owner = Owner.of(cluster);
        List<HasMetadata> existing = new ArrayList<>();
        ObservedCluster.KINDS.forEach(kind -> existing.addAll(context.getSecondaryResources(kind)));
        ObservedCluster observed = ObservedCluster.of(existing);
        EtcdMembership etcd;
        try {
            etcd = EtcdBootstrapMembers.observed(spec, observed.all(PersistentVolumeClaim.class), observed.all(Pod.class));
        } catch (InvalidEtcdBootstrapException e) {
            return refused(cluster, new Refusal(Refusal.INVALID_ETCD_BOOTSTRAP, e.getMessage()));
        }
        KubernetesEnvironment env = new KubernetesEnvironment(spec, settings.clusterDomain(), settings.storconHookBaseUrl());
        ClusterResources desired = ClusterResources.build(spec, etcd, owner, env);
        Optional<Refusal> refusal = SafetyCheck.check(desired, observed);
        if (refusal.isPresent()) {
            return refused(cluster, refusal.get());
        }
        if (PostgresVersionGate.decide(cluster, spec, observed, timelines,
                new PageserverApiTokens(context.getClient())::forCluster) instanceof VersionDecision.Refused versions) {
            return refused(cluster, new Refusal(Refusal.POSTGRES_VERSION_IN_USE, versions.message()));
        }
        Optional<JoinOutcome> join = etcdJoiner.prepare(desired, observed.podsByName(), clock.instant());
        join.ifPresent(outcome -> recordAddition(cluster, outcome, events));
        LostVolumes volumes = LostVolumes.of(cluster, desired, observed);
        List<String> heldPods = join.map(JoinOutcome::podsToHold).orElse(List.of());
        List<Change> changes = ChangePlanner.plan(desired, observed, owner, volumes.lost()).stream()
                .filter(change -> !createsPod(change, heldPods))
                .toList();
        ResourceWriter writer = ResourceWriter.of(context.getClient(), settings.serverSideApply());
        ChangeApplier.Applied applied = new ChangeApplier(writer, events, context).apply(cluster, changes);
        Optional<String> podMonitor = podMonitors.sync(cluster, spec, owner, context.getClient(), writer, events);
        List<WriteFailure> failures = new ArrayList<>(applied.failures());
        ObservedCluster current = observed.with(applied.written());
        StorageControllerObserver.Observation storageController = storageControllers.observe(spec, env,
                current.podsByName(), new PageserverApiTokens(context.getClient())::forStorageController);
        List<Refusal> storageControllerProblems = new ArrayList<>();
        Outcome outcome = roll(cluster, desired, current, storageController, context, events, failures,
                storageControllerProblems);
        Instant now = clock.instant();
        outcome = removePageservers(cluster, spec, current, storageController, context, events, failures,
                storageControllerProblems, outcome);
        if (join.isPresent() && join.get() instanceof JoinOutcome.Hold hold) {
            Outcome held = new Outcome(ClusterStatusBuilder.waiting(outcome.status(),
                    ClusterStatusBuilder.ETCD_MEMBER_JOINING, hold.reason(), now), outcome.recheckAfter());
            outcome = hold.recheckAt().map(at -> held.recheckBy(Duration.between(now, at))).orElse(held);
        }
        List<Refusal> problems = new ArrayList<>(volumes.problems());
        problems.addAll(storageControllerProblems);
        if (join.isPresent() && join.get() instanceof JoinOutcome.Failed failed) {
            problems.add(new Refusal(Refusal.ETCD_MEMBER_ADD_FAILED, failed.message()));
            outcome = outcome.recheckBy(EtcdMemberJoiner.RETRY_AFTER);
        }
        outcome = registerSafekeepers(cluster, spec, env, current, storageController, outcome, problems);
        outcome = withProblems(cluster, outcome, problems, failures, events);
        List<String> createdClaims = applied.written().stream().filter(PersistentVolumeClaim.class::isInstance)
                .map(o -> o.getMetadata().getName()).toList();
        NeonClusterStatus status = ClusterStatusBuilder.recordingVolumes(outcome.status(),
                volumes.volumesAfter(createdClaims), volumes.spentAfter(createdClaims));
        status.setPodMonitor(podMonitor.orElse(null));
        return new Outcome(status, outcome.recheckAfter());
    }

    /**
     * Registers the Ready safekeepers with the storage controller, which they never do themselves. A storage
     * controller that is not Ready yet shows in Progressing; one that does not answer or refuses is a problem,
     * retried with backoff, as are safekeepers not Ready yet, which keep the cluster from Ready.
     */
    private Outcome registerSafekeepers(NeonCluster cluster, ClusterSpec spec, KubernetesEnvironment env,
                                        ObservedCluster current,
                                        StorageControllerObserver.Observation storageController, Outcome outcome,
                                        List<Refusal> problems) {
        SafekeeperRegistrations.Result result = SafekeeperRegistrations.register(spec, env, current.podsByName(),
                storageController);
        Integer registered = result instanceof SafekeeperRegistrations.Result.Attempted attempted
                ? attempted.registered() : null;
        outcome = new Outcome(ClusterStatusBuilder.withRegisteredSafekeepers(outcome.status(), registered),
                outcome.recheckAfter());
        if (result instanceof SafekeeperRegistrations.Result.NoToken noToken) {
            problems.add(new Refusal(Refusal.SAFEKEEPER_REGISTRATION_FAILED, noToken.message()));
            return outcome.recheckBy(registrationBackoff.failed(cluster));
        }
        if (result instanceof SafekeeperRegistrations.Result.AwaitingStorageController awaiting) {
            return new Outcome(ClusterStatusBuilder.waiting(outcome.status(), ClusterStatusBuilder.SAFEKEEPER_REGISTRATION,
                    awaiting.message(), clock.instant()), outcome.recheckAfter());
        }
        if (result instanceof SafekeeperRegistrations.Result.Attempted attempted) {
            if (attempted.complete()) {
                registrationBackoff.succeeded(cluster);
                return outcome;
            }
            if (attempted.report().complete()) {
                // every Ready safekeeper is registered; the others are registered when their pods become Ready
                return new Outcome(ClusterStatusBuilder.waiting(outcome.status(),
                        ClusterStatusBuilder.SAFEKEEPER_REGISTRATION, attempted.message(), clock.instant()),
                        outcome.recheckAfter());
            }
            problems.add(new Refusal(Refusal.SAFEKEEPER_REGISTRATION_FAILED, attempted.message()));
            return outcome.recheckBy(registrationBackoff.failed(cluster));
        }
        return outcome;
    }

    /**
     * {@code outcome} with what kept the pass from carrying out the spec in full: {@code problems} and the refused
     * writes, in the status and as Events; refused writes are tried again with backoff.
     */
    private Outcome withProblems(NeonCluster cluster, Outcome outcome, List<Refusal> problems,
                                 List<WriteFailure> failures, ClusterEvents events) {
        List<Refusal> all = new ArrayList<>(problems);
        failures.forEach(failure -> {
            metrics.writeFailed(failure.kind());
            all.add(failure.problem());
        });
        Outcome retried = outcome;
        if (failures.isEmpty()) {
            writeBackoff.succeeded(cluster);
        } else {
            retried = outcome.recheckBy(writeBackoff.failed(cluster));
        }
        problemEvents.record(cluster, all, events);
        return new Outcome(ClusterStatusBuilder.troubled(cluster.getStatus(), retried.status(), all,
                clock.instant()), retried.recheckAfter());
    }

    /** One step of removing the pageservers a modern cluster's spec no longer wants, shown in Progressing meanwhile. */
    private Outcome removePageservers(NeonCluster cluster, ClusterSpec spec, ObservedCluster current,
                                      StorageControllerObserver.Observation storageController, Context<NeonCluster> context,
                                      ClusterEvents events, List<WriteFailure> failures, List<Refusal> problems,
                                      Outcome outcome) {
        PageserverRemoval.Step removal = PageserverRemoval.next(spec, current, storageController.controller());
        if (removal instanceof PageserverRemoval.None) {
            return outcome;
        }
        PageserverRemoval.carryOut(removal, cluster, storageController.client(), context.getClient(), events, failures)
                .ifPresent(problems::add);
        return new Outcome(ClusterStatusBuilder.progressing(outcome.status(), PageserverRemoval.REMOVING,
                removal.message(), clock.instant()), outcome.recheckAfter()).recheckBy(PageserverDrain.POLL);
    }

    /** Whether {@code change} creates one of the pods {@code held} back for a later pass. */
    private static boolean createsPod(Change change, List<String> held) {
        return change instanceof Change.Create create && create.desired() instanceof Pod
                && held.contains(create.desired().getMetadata().getName());
    }

    /** An Event when etcd took a new member: the one change the operator makes outside Kubernetes. */
    private static void recordAddition(NeonCluster cluster, JoinOutcome outcome, ClusterEvents events) {
        if (outcome instanceof JoinOutcome.Create create && create.addition() instanceof MemberAddition.Added added) {
            events.record(cluster, Type.Normal, ETCD_MEMBER_ADDED, "AddMember", "added etcd member "
                    + create.next().pod() + " (" + create.next().peerUrl() + ", id " + added.member().id()
                    + ") to the running etcd cluster; its pod starts next", null);
        }
    }

    /** Nothing is written for a refused spec: what runs stays as it is, and only the status says why. */
    private Outcome refused(NeonCluster cluster, Refusal refusal) {
        return Outcome.of(ClusterStatusBuilder.refused(cluster, refusal, clock.instant()));
    }

    /**
     * One step of the rolling upgrade, which the core's writes (missing pods created at once) leave to it:
     * restart the next outdated pod, or wait, and have the status show where the roll is.
     */
    private Outcome roll(NeonCluster cluster, ClusterResources desired, ObservedCluster current,
                         StorageControllerObserver.Observation storageController, Context<NeonCluster> context,
                         ClusterEvents events, List<WriteFailure> failures, List<Refusal> problems) {
        Instant now = clock.instant();
        ClusterSpec spec = desired.cluster();
        SpecSummary target = SpecSummary.of(spec);
        Set<String> deleted = restarts.notYetGone(cluster, current);
        List<ObservedPod> pods = ObservedPods.of(desired, current, storageController.controller(), deleted, now);
        PageserverDrain drain = PageserverDrainActions.decisionInput(spec, storageController.controller(), current);
        RollStep step = RollingUpgradePlanner.next(pods, target, spec.upgrade().podReadyTimeout(), drain, now);
        Optional<UpgradeStatus> previous = Optional.ofNullable(cluster.getStatus())
                .flatMap(s -> UpgradeStatusMapping.fromResource(s.getUpgrade()));
        UpgradeProgress progress = UpgradeProgress.of(pods, step, target, previous);
        Map<String, Pod> podsByName = current.podsByName();
        podsByName.values().removeIf(pod -> deleted.contains(pod.getMetadata().getUid()));
        if (step instanceof RollStep.Restart restart) {
            Pod pod = podsByName.get(restart.pod().name());
            try {
                if (restarts.restart(cluster, pod, restart, context.getClient(), events)) {
                    podsByName.remove(restart.pod().name());
                }
            } catch (KubernetesClientException e) {
                failures.add(WriteFailure.of("deleting", pod, e));
            }
        }
        if (step instanceof PageserverStep pageserver) {
            PageserverDrainActions.carryOut(pageserver, storageController.client(),
                    new PageserverDrainActions.Target(cluster, spec, current, context.getClient(), events, now), failures)
                    .ifPresent(problems::add);
        }
        NeonClusterStatus status = ClusterStatusBuilder.accepted(cluster, desired, podsByName, pods,
                storageController.controller(), step, progress, now);
        Optional<Duration> recheck = step instanceof RollStep.WaitForReady wait
                ? Optional.of(Duration.between(now, wait.deadline()))
                : Optional.empty();
        Outcome outcome = new Outcome(status, recheck);
        if (drain.watches(step)) {
            // the storage controller's drains and fills change nothing Kubernetes would tell the operator of
            outcome = outcome.recheckBy(PageserverDrain.POLL);
        }
        // a modern pageserver not Ready may wait for the storage controller, whose word comes with no Kubernetes event
        // (a pod's readiness does): ask it again soon
        boolean awaitingStorageController = pods.stream().anyMatch(p -> p.exists() && !p.ready()
                && p.pod().component().descriptor().storageControllerNode(spec, p.pod().index()).isPresent());
        return awaitingStorageController ? outcome.recheckBy(STORAGE_CONTROLLER_POLL) : outcome;
    }

    /**
     * One Event per decision that shows in the status: refusing a spec, halting a roll, pausing, resuming. Problems
     * ({@link #PROBLEMS}) have their Events per problem, when they appear.
     */
    private void recordTransitions(NeonCluster cluster, NeonClusterStatus before, NeonClusterStatus after,
                                   ClusterEvents events) {
        ClusterPhase previousPhase = before == null ? null : before.getPhase();
        if (after.getPhase() == ClusterPhase.PAUSED && previousPhase != ClusterPhase.PAUSED) {
            events.record(cluster, Type.Normal, "Paused", "Pause",
                    "the " + NeonCluster.PAUSED_ANNOTATION + " annotation is set: no changes until it is removed", null);
        } else if (previousPhase == ClusterPhase.PAUSED && after.getPhase() != ClusterPhase.PAUSED) {
            events.record(cluster, Type.Normal, "Resumed", "Resume", "the pause annotation is gone: reconciling again", null);
        }
        Optional<Condition> degraded = ClusterConditions.find(after.getConditions(), ClusterConditions.DEGRADED)
                .filter(c -> ClusterConditions.TRUE.equals(c.getStatus()));
        Optional<Condition> wasDegraded = before == null ? Optional.empty()
                : ClusterConditions.find(before.getConditions(), ClusterConditions.DEGRADED)
                        .filter(c -> ClusterConditions.TRUE.equals(c.getStatus()));
        if (degraded.isPresent() && !PROBLEMS.contains(degraded.get().getReason())
                && !sameDecision(degraded.get(), wasDegraded)) {
            String reason = degraded.get().getReason();
            boolean halted = ClusterStatusBuilder.ROLL_HALT_REASONS.contains(reason);
            if (!halted) {
                // a halted roll refuses no spec: it shows in the clusters gauge as Degraded
                metrics.changeRefused(reason);
            }
            events.record(cluster, Type.Warning, reason, halted ? "Halt" : "Refuse", degraded.get().getMessage(), null);
        }
    }

    private static boolean sameDecision(Condition now, Optional<Condition> before) {
        return before.isPresent() && Objects.equals(now.getReason(), before.get().getReason())
                && Objects.equals(now.getMessage(), before.get().getMessage());
    }
}

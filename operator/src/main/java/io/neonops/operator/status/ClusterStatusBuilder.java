package io.neonops.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controller.api.NodeAvailability;
import io.neonops.controlplane.component.Component;
import io.neonops.operator.cluster.ClusterPhase;
import io.neonops.operator.cluster.MemberCounts;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.cluster.PostgresStatus;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.storcon.ObservedStorageController;
import io.neonops.operator.upgrade.ObservedPod;
import io.neonops.operator.upgrade.PageserverStep;
import io.neonops.operator.upgrade.RollStep;
import io.neonops.operator.upgrade.UpgradeProgress;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.PgMajorVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The status a cluster should have, from its previous status and what was observed: a pure function, so that
 * an unchanged cluster yields an equal status and the reconciler can skip the write.
 */
public final class ClusterStatusBuilder {

    public static final String ALL_NODES_READY = "AllNodesReady";
    public static final String NODES_NOT_READY = "NodesNotReady";
    public static final String NODES_OUTDATED = "NodesOutdated";
    public static final String SPEC_ACCEPTED = "SpecAccepted";
    public static final String SPEC_REFUSED = "SpecRefused";
    public static final String PAUSED = "Paused";
    public static final String RECONCILED = "Reconciled";
    public static final String ROLLING_UPGRADE = "RollingUpgrade";
    public static final String ROLL_HALTED = RollStep.Halted.REASON;
    /** The Degraded reasons of a halted roll: a step that did not finish in time, not a refused spec. */
    public static final Set<String> ROLL_HALT_REASONS = Stream.concat(Stream.of(ROLL_HALTED),
            Arrays.stream(PageserverStep.HaltReason.values()).map(PageserverStep.HaltReason::reason)).collect(Collectors.toUnmodifiableSet());
    public static final String ETCD_MEMBER_JOINING = "EtcdMemberJoining";
    /** Progressing: safekeepers wait for the storage controller, or their pods, to be registered with it. */
    public static final String SAFEKEEPER_REGISTRATION = "SafekeeperRegistration";
    /** Progressing: pageservers whose pods are Ready wait for the storage controller to list them Active. */
    public static final String PAGESERVER_REGISTRATION = "PageserverRegistration";

    private ClusterStatusBuilder() {
    }

    /**
     * The status of an accepted spec.
     *
     * @param pods              the cluster's pods by name, including those created in this pass
     * @param observed          the same pods as the roll saw them ({@code ObservedPods}), whose readiness counts: a
     *                          modern pageserver's includes being Active in the storage controller
     * @param storageController the reconcile's listing of the storage controller, for what a waiting pageserver lacks
     * @param step              what the rolling upgrade does next
     * @param progress          what status shows of the roll, from the same pods and step
     */
    public static NeonClusterStatus accepted(NeonCluster cluster, ClusterResources desired, Map<String, Pod> pods,
                                             List<ObservedPod> observed, ObservedStorageController storageController,
                                             RollStep step, UpgradeProgress progress, Instant now) {
        NeonClusterStatus status = copyOf(cluster.getStatus());
        long generation = cluster.getMetadata().getGeneration();
        Map<String, ObservedPod> observedByName = new HashMap<>();
        observed.forEach(p -> observedByName.put(p.pod().name(), p));
        List<String> missingOrNotReady = new ArrayList<>();
        List<String> awaitingStorageController = new ArrayList<>();
        List<String> outdated = new ArrayList<>();
        boolean anyStarted = false;
        boolean allExist = true;
        for (Component component : Component.startOrder(desired.cluster())) {
            List<Pod> wanted = desired.pods(component);
            int ready = 0;
            int updated = 0;
            for (int index = 0; index < wanted.size(); index++) {
                Pod want = wanted.get(index);
                String name = want.getMetadata().getName();
                Pod pod = pods.get(name);
                if (pod == null) {
                    missingOrNotReady.add(name);
                    allExist = false;
                    continue;
                }
                anyStarted |= NodeHealth.isStarted(pod);
                ObservedPod seen = observedByName.get(name);
                if (seen != null && seen.ready()) {
                    ready++;
                } else {
                    missingOrNotReady.add(name);
                    if (NodeHealth.isReady(pod)) {
                        component.descriptor().storageControllerNode(desired.cluster(), index).ifPresent(id ->
                                awaitingStorageController.add(name + " (" + describeNode(storageController, id) + ")"));
                    }
                }
                if (NodeHealth.isUpdated(pod, want)) {
                    updated++;
                } else {
                    outdated.add(name);
                }
            }
            setCounts(status, component, new MemberCounts(wanted.size(), ready, updated));
        }
        status.setEtcdBootstrapMembers(desired.etcd().bootstrapMembers());
        boolean rolling = progress.upgrade().isPresent();
        ClusterPhase phase = rolling
                ? (progress.progressing() ? ClusterPhase.UPGRADING : ClusterPhase.DEGRADED)
                : phase(missingOrNotReady, outdated, anyStarted);
        status.setPhase(phase);
        status.setObservedGeneration(generation);
        List<Condition> conditions = status.getConditions();
        if (phase == ClusterPhase.RUNNING) {
            conditions = ClusterConditions.with(conditions, ClusterConditions.READY, true, ALL_NODES_READY,
                    "every node is ready and runs generation " + generation, generation, now);
            conditions = ClusterConditions.with(conditions, ClusterConditions.PROGRESSING, false, RECONCILED,
                    "nothing left to do", generation, now);
        } else {
            boolean allReady = missingOrNotReady.isEmpty();
            boolean onlyRegistration = !allReady && awaitingStorageController.size() == missingOrNotReady.size();
            String reason = allReady ? NODES_OUTDATED : onlyRegistration ? PAGESERVER_REGISTRATION : NODES_NOT_READY;
            String message = allReady
                    ? "nodes run an older spec and need a restart: " + String.join(", ", outdated)
                    : onlyRegistration
                    ? "waiting for the storage controller to list the pageservers Active: "
                            + String.join(", ", awaitingStorageController)
                    : "waiting for nodes to become ready: " + String.join(", ", missingOrNotReady);
            conditions = ClusterConditions.with(conditions, ClusterConditions.READY, false, reason, message,
                    generation, now);
            if (!rolling) {
                conditions = ClusterConditions.with(conditions, ClusterConditions.PROGRESSING, true, reason, message,
                        generation, now);
            } else if (progress.progressing()) {
                conditions = ClusterConditions.with(conditions, ClusterConditions.PROGRESSING, true, ROLLING_UPGRADE,
                        step.message(), generation, now);
            } else {
                conditions = ClusterConditions.with(conditions, ClusterConditions.PROGRESSING, false, ROLL_HALTED,
                        "the rolling upgrade is halted (see Degraded)", generation, now);
            }
        }
        conditions = rolling && !progress.progressing()
                ? ClusterConditions.with(conditions, ClusterConditions.DEGRADED, true,
                        step.haltReason().orElse(ROLL_HALTED), step.message(), generation, now)
                : ClusterConditions.with(conditions, ClusterConditions.DEGRADED, false, SPEC_ACCEPTED,
                        "the spec is accepted", generation, now);
        status.setConditions(conditions);
        status.setUpgrade(progress.upgrade().map(UpgradeStatusMapping::toResource).orElse(null));
        if (allExist && outdated.isEmpty()) {
            // only once every node runs this spec does it describe what actually runs
            showRunning(status, desired.cluster());
        }
        return status;
    }

    /**
     * {@code status} with Progressing saying what a step of the spec waits for (an etcd member that joins once the
     * members before it are Ready), unless the cluster is not progressing at all.
     */
    public static NeonClusterStatus waiting(NeonClusterStatus status, String reason, String message, Instant now) {
        boolean progressing = ClusterConditions.find(status.getConditions(), ClusterConditions.PROGRESSING)
                .filter(c -> ClusterConditions.TRUE.equals(c.getStatus())).isPresent();
        if (!progressing) {
            return status;
        }
        NeonClusterStatus waiting = copyOf(status);
        waiting.setConditions(ClusterConditions.with(waiting.getConditions(), ClusterConditions.PROGRESSING, true, reason,
                message, status.getObservedGeneration(), now));
        return waiting;
    }

    /**
     * {@code status} with Progressing True for work the spec asks for beyond its pods, such as removing a pageserver the
     * spec no longer wants: the pods it wants may all be Ready meanwhile.
     */
    public static NeonClusterStatus progressing(NeonClusterStatus status, String reason, String message, Instant now) {
        NeonClusterStatus progressing = copyOf(status);
        progressing.setConditions(ClusterConditions.with(progressing.getConditions(), ClusterConditions.PROGRESSING, true,
                reason, message, status.getObservedGeneration(), now));
        return progressing;
    }

    /** The status of a refused spec: what runs is reported as before, the conditions say why nothing changes. */
    public static NeonClusterStatus refused(NeonCluster cluster, Refusal refusal, Instant now) {
        NeonClusterStatus status = copyOf(cluster.getStatus());
        long generation = cluster.getMetadata().getGeneration();
        status.setObservedGeneration(generation);
        status.setPhase(ClusterPhase.DEGRADED);
        List<Condition> conditions = status.getConditions();
        conditions = ClusterConditions.with(conditions, ClusterConditions.READY, false, SPEC_REFUSED,
                refusal.message(), generation, now);
        conditions = ClusterConditions.with(conditions, ClusterConditions.PROGRESSING, false, SPEC_REFUSED,
                "nothing is changed until the spec is fixed", generation, now);
        conditions = ClusterConditions.with(conditions, ClusterConditions.DEGRADED, true, refusal.reason(),
                refusal.message(), generation, now);
        status.setConditions(conditions);
        return status;
    }

    /**
     * {@code status} of an accepted spec with what keeps it from being carried out in full, and is retried or waits
     * for the user: a lost volume, a write the API server refused, a member etcd would not add. The parts of the
     * spec that do not depend on them were carried out; Ready is False and Degraded True, with the first problem's
     * reason and every problem's message.
     *
     * @param previous the cluster's status before this pass, whose transition times hold while the problems last
     */
    public static NeonClusterStatus troubled(NeonClusterStatus previous, NeonClusterStatus status,
                                             List<Refusal> problems, Instant now) {
        if (problems.isEmpty()) {
            return status;
        }
        NeonClusterStatus troubled = copyOf(status);
        long generation = status.getObservedGeneration();
        String reason = problems.get(0).reason();
        List<String> messages = new ArrayList<>(problems.stream().map(Refusal::message).toList());
        // a halted roll keeps saying so next to the problems
        ClusterConditions.find(status.getConditions(), ClusterConditions.DEGRADED)
                .filter(c -> ClusterConditions.TRUE.equals(c.getStatus()))
                .ifPresent(c -> messages.add(c.getMessage()));
        String message = String.join("; ", messages);
        List<Condition> before = previous == null ? List.of() : previous.getConditions();
        troubled.setPhase(ClusterPhase.DEGRADED);
        List<Condition> conditions = ClusterConditions.with(troubled.getConditions(), before, ClusterConditions.READY,
                false, reason, message, generation, now);
        troubled.setConditions(ClusterConditions.with(conditions, before, ClusterConditions.DEGRADED, true, reason,
                message, generation, now));
        return troubled;
    }

    /**
     * {@code status} with the record of the data volumes seen ({@link NeonClusterStatus#getVolumes()}) and of the lost
     * ones created again empty with the user's consent; empty lists are left out, as a status read back shows them.
     */
    public static NeonClusterStatus recordingVolumes(NeonClusterStatus status, List<String> volumes,
                                                     List<String> emptyVolumesAccepted) {
        NeonClusterStatus recorded = copyOf(status);
        recorded.setVolumes(volumes.isEmpty() ? null : List.copyOf(volumes));
        recorded.setEmptyVolumesAccepted(emptyVolumesAccepted.isEmpty() ? null : List.copyOf(emptyVolumesAccepted));
        return recorded;
    }

    /**
     * The status of a paused cluster: the phase says so and nothing else moves, so that the status is written
     * once when the pause begins and then never while it lasts.
     */
    public static NeonClusterStatus paused(NeonCluster cluster, Instant now) {
        NeonClusterStatus status = copyOf(cluster.getStatus());
        if (status.getPhase() == ClusterPhase.PAUSED) {
            return status;
        }
        long generation = status.getObservedGeneration() == null ? 0 : status.getObservedGeneration();
        status.setPhase(ClusterPhase.PAUSED);
        status.setConditions(ClusterConditions.with(status.getConditions(), ClusterConditions.PROGRESSING, false,
                PAUSED, "the " + NeonCluster.PAUSED_ANNOTATION + " annotation stops every change", generation, now));
        return status;
    }

    private static ClusterPhase phase(List<String> missingOrNotReady, List<String> outdated, boolean anyStarted) {
        if (missingOrNotReady.isEmpty()) {
            return outdated.isEmpty() ? ClusterPhase.RUNNING : ClusterPhase.UPGRADING;
        }
        return anyStarted ? ClusterPhase.CREATING : ClusterPhase.PENDING;
    }

    private static void showRunning(NeonClusterStatus status, ClusterSpec spec) {
        status.setImage(spec.image());
        status.setPostgres(new PostgresStatus(spec.postgres().versions().stream().map(PgMajorVersion::major).toList(),
                spec.postgres().defaultVersion().major()));
    }

    /** What the storage controller says of a pageserver node that keeps it from Ready. */
    private static String describeNode(ObservedStorageController storageController, NodeId id) {
        return storageController.node(id)
                .map(node -> "node " + id.value() + " " + wireName(node.availability()))
                .orElse("node " + id.value() + " not registered");
    }

    private static String wireName(NodeAvailability availability) {
        return switch (availability) {
            case ACTIVE -> "Active";
            case WARMING_UP -> "WarmingUp";
            case OFFLINE -> "Offline";
        };
    }

    /** {@code status} with how many safekeepers the storage controller knows as registered; null: unknown. */
    public static NeonClusterStatus withRegisteredSafekeepers(NeonClusterStatus status, Integer registered) {
        if (status.getSafekeepers() == null) {
            return status;
        }
        NeonClusterStatus counted = copyOf(status);
        counted.setSafekeepers(status.getSafekeepers().withRegistered(registered));
        return counted;
    }

    private static void setCounts(NeonClusterStatus status, Component component, MemberCounts counts) {
        switch (component) {
            case ETCD -> status.setEtcd(counts);
            case PAGESERVER -> status.setPageserver(counts);
            case SAFEKEEPER -> status.setSafekeepers(counts);
            case STORAGE_BROKER -> status.setStorageBroker(counts);
            case STORAGE_CONTROLLER -> status.setStorageController(counts);
            case STORAGE_CONTROLLER_DB -> status.setStorageControllerDatabase(counts);
        }
    }

    private static NeonClusterStatus copyOf(NeonClusterStatus previous) {
        NeonClusterStatus status = new NeonClusterStatus();
        if (previous == null) {
            return status;
        }
        status.setObservedGeneration(previous.getObservedGeneration());
        status.setPhase(previous.getPhase());
        status.setConditions(previous.getConditions() == null ? new ArrayList<>() : new ArrayList<>(previous.getConditions()));
        status.setEtcd(previous.getEtcd());
        status.setEtcdBootstrapMembers(previous.getEtcdBootstrapMembers());
        status.setPageserver(previous.getPageserver());
        status.setSafekeepers(previous.getSafekeepers());
        status.setStorageBroker(previous.getStorageBroker());
        status.setStorageController(previous.getStorageController());
        status.setStorageControllerDatabase(previous.getStorageControllerDatabase());
        status.setImage(previous.getImage());
        status.setPostgres(previous.getPostgres());
        status.setUpgrade(previous.getUpgrade());
        status.setVolumes(previous.getVolumes());
        status.setEmptyVolumesAccepted(previous.getEmptyVolumesAccepted());
        return status;
    }
}

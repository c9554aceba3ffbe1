package io.neonops.operator.upgrade;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What status shows about a roll: {@code status.upgrade}, present while rolling, and whether the
 * {@code Progressing} condition is True.
 * <p>
 * A roll is under way while some pod is outdated, and, once every pod carries the new hash, until the last
 * one is Ready. Nothing on the pods tells that last stretch apart from a pod that merely crashed, so it is
 * recognised by the previous {@code status.upgrade} (persisted in the API server, not in memory) having the
 * same target. {@code from} is the spec most outdated pods record; in that last stretch no pod runs the old
 * spec any more, so it is carried over from the previous status.
 * <p>
 * Progressing is True while rolling, also while blocked on another pod's readiness or waiting for safekeepers to
 * catch up (the roll goes on by itself), and False once halted ({@link RollStep#haltReason()}), where {@code Degraded}
 * takes over.
 *
 * @param upgrade     {@code status.upgrade}; empty when no roll is under way
 * @param progressing the status of the {@code Progressing} condition
 */
public record UpgradeProgress(Optional<UpgradeStatus> upgrade, boolean progressing) {

    public UpgradeProgress {
        Objects.requireNonNull(upgrade, "upgrade");
        if (progressing && upgrade.isEmpty()) {
            throw new IllegalArgumentException("a roll in progress needs its status.upgrade");
        }
    }

    /**
     * @param pods     the same pods the planner saw
     * @param step     what {@link RollingUpgradePlanner#next} decided for them
     * @param target   the summary of the cluster's spec
     * @param previous {@code status.upgrade} as the last reconcile wrote it
     */
    public static UpgradeProgress of(List<ObservedPod> pods, RollStep step, SpecSummary target, Optional<UpgradeStatus> previous) {
        Optional<UpgradeStatus> carriedOver = previous.filter(p -> p.to().equals(target));
        boolean outdated = pods.stream().anyMatch(ObservedPod::outdated);
        // a pageserver's fill is part of the roll even after every pod runs the new spec
        boolean finishing = (carriedOver.isPresent() || step instanceof PageserverStep) && !(step instanceof RollStep.UpToDate);
        if (!outdated && !finishing) {
            return new UpgradeProgress(Optional.empty(), false);
        }
        Optional<SpecSummary> from = mostRunOutdated(pods).or(() -> carriedOver.flatMap(UpgradeStatus::from));
        int updated = (int) pods.stream().filter(p -> p.updated() && !p.deleting()).count();
        UpgradeStatus status = new UpgradeStatus(from, target, step.currentPod().map(PodRef::name),
                Optional.of(step.stage()).filter(s -> !s.isEmpty()), updated, pods.size(), step.waitingSince());
        return new UpgradeProgress(Optional.of(status), step.haltReason().isEmpty());
    }

    /** The spec most outdated pods record; on a tie, the one the roll meets first. */
    private static Optional<SpecSummary> mostRunOutdated(List<ObservedPod> pods) {
        Map<SpecSummary, Integer> counts = new LinkedHashMap<>();
        pods.stream()
                .filter(p -> p.outdated() && p.currentSpec() != null)
                .sorted(RollOrder.OBSERVED_PODS)
                .forEach(p -> counts.merge(p.currentSpec(), 1, Integer::sum));
        SpecSummary most = null;
        int mostCount = 0;
        for (Map.Entry<SpecSummary, Integer> e : counts.entrySet()) {
            if (e.getValue() > mostCount) {
                most = e.getKey();
                mostCount = e.getValue();
            }
        }
        return Optional.ofNullable(most);
    }
}

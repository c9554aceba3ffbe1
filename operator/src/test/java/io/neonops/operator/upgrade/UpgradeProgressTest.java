package io.neonops.operator.upgrade;

import static io.neonops.operator.upgrade.Clusters.NEW;
import static io.neonops.operator.upgrade.Clusters.OLD;
import static io.neonops.operator.upgrade.Clusters.demo;
import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.storage.common.PgMajorVersion;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpgradeProgressTest {

    private static final String[] ALL_PODS = {"demo-etcd-0", "demo-safekeeper-0", "demo-safekeeper-1", "demo-safekeeper-2",
            "demo-pageserver-0"};

    private static UpgradeProgress progress(Clusters cluster, Optional<UpgradeStatus> previous) {
        return UpgradeProgress.of(cluster.pods(), cluster.next(), cluster.desiredSpec(), previous);
    }

    @Test
    void noRollShowsNoUpgradeAndIsNotProgressing() {
        assertThat(progress(demo(1, 3, 1).updated(ALL_PODS), Optional.empty()))
                .isEqualTo(new UpgradeProgress(Optional.empty(), false));
    }

    @Test
    void midRollShowsFromToTheCurrentPodAndTheCount() {
        Clusters cluster = demo(1, 3, 1).updated("demo-etcd-0", "demo-safekeeper-0");

        assertThat(progress(cluster, Optional.empty())).isEqualTo(new UpgradeProgress(
                Optional.of(new UpgradeStatus(Optional.of(OLD), NEW, Optional.of("demo-safekeeper-1"),
                        Optional.of("restarting demo-safekeeper-1"), 2, 5)), true));
    }

    @Test
    void fromIsReadFromTheOutdatedPodsSoItSurvivesAnOperatorRestart() {
        Clusters cluster = demo(1, 3, 1).updated("demo-etcd-0").restarted("demo-safekeeper-0", Duration.ofSeconds(30));

        UpgradeStatus status = progress(cluster, Optional.empty()).upgrade().orElseThrow();

        assertThat(status.from()).contains(OLD);
        assertThat(status.currentPod()).contains("demo-safekeeper-0");
        assertThat(status.updatedPods()).isEqualTo(2);
    }

    @Test
    void fromIsTheSpecMostOutdatedPodsRunAfterTheSpecChangedMidRoll() {
        SpecSummary third = new SpecSummary("neondatabase/neon:4400", List.of(PgMajorVersion.V17));
        Clusters cluster = demo(1, 3, 1).updated("demo-etcd-0", "demo-safekeeper-0").desire("third", third);

        assertThat(progress(cluster, Optional.empty()).upgrade().orElseThrow().from()).contains(OLD);
    }

    @Test
    void theLastPodNotYetReadyKeepsTheRollGoingWithFromCarriedOver() {
        UpgradeStatus previous = new UpgradeStatus(Optional.of(OLD), NEW, Optional.of("demo-pageserver-0"),
                Optional.of("waiting for demo-pageserver-0 to be Ready"), 5, 5);
        Clusters cluster = demo(1, 3, 1).updated(ALL_PODS).restarted("demo-pageserver-0", Duration.ofSeconds(20));

        assertThat(progress(cluster, Optional.of(previous))).isEqualTo(new UpgradeProgress(Optional.of(previous), true));
    }

    @Test
    void aCrashedPodWithoutARollIsNoUpgrade() {
        Clusters cluster = demo(1, 3, 1).updated(ALL_PODS).restarted("demo-pageserver-0", Duration.ofSeconds(20));

        assertThat(progress(cluster, Optional.empty())).isEqualTo(new UpgradeProgress(Optional.empty(), false));
    }

    @Test
    void aPreviousRollToAnotherSpecIsNotCarriedOver() {
        SpecSummary other = new SpecSummary("neondatabase/neon:4400", List.of(PgMajorVersion.V17));
        UpgradeStatus previous = new UpgradeStatus(Optional.of(OLD), other, Optional.of("demo-pageserver-0"), Optional.empty(), 5, 5);
        Clusters cluster = demo(1, 3, 1).updated(ALL_PODS).restarted("demo-pageserver-0", Duration.ofSeconds(20));

        assertThat(progress(cluster, Optional.of(previous)).upgrade()).isEmpty();
    }

    @Test
    void aFinishedRollClearsTheUpgrade() {
        UpgradeStatus previous = new UpgradeStatus(Optional.of(OLD), NEW, Optional.of("demo-pageserver-0"), Optional.empty(), 5, 5);

        assertThat(progress(demo(1, 3, 1).updated(ALL_PODS), Optional.of(previous)))
                .isEqualTo(new UpgradeProgress(Optional.empty(), false));
    }

    @Test
    void aHaltedRollIsShownButNotProgressing() {
        Clusters cluster = demo(1, 3, 1).restarted("demo-etcd-0", Duration.ofHours(1));

        UpgradeProgress progress = progress(cluster, Optional.empty());

        assertThat(progress.progressing()).isFalse();
        assertThat(progress.upgrade().orElseThrow().currentPod()).contains("demo-etcd-0");
    }

    @Test
    void aBlockedRollIsStillProgressing() {
        Clusters cluster = demo(1, 3, 1).updated("demo-etcd-0").notReady("demo-safekeeper-0", "demo-safekeeper-1");

        UpgradeProgress progress = progress(cluster, Optional.empty());

        assertThat(cluster.next()).isInstanceOf(RollStep.Blocked.class);
        assertThat(progress.progressing()).isTrue();
        assertThat(progress.upgrade().orElseThrow().currentPod()).contains("demo-safekeeper-0");
    }

    @Test
    void podsWithoutASummaryLeaveFromEmpty() {
        Clusters cluster = demo(1, 3, 1);
        List<ObservedPod> unannotated = cluster.pods().stream().map(p -> new ObservedPod(p.pod(), true, true, false,
                p.createdAt(), p.currentSpecHash(), null, p.desiredSpecHash())).toList();

        UpgradeProgress progress = UpgradeProgress.of(unannotated, cluster.next(), NEW, Optional.empty());

        assertThat(progress.upgrade().orElseThrow().from()).isEmpty();
    }
}

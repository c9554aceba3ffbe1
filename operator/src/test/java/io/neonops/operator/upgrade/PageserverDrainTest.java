package io.neonops.operator.upgrade;

import static io.neonops.operator.upgrade.Clusters.NOW;
import static io.neonops.operator.upgrade.Clusters.TIMEOUT;
import static io.neonops.operator.upgrade.StorageControllerModel.DRAIN_TIMEOUT;
import static io.neonops.operator.upgrade.StorageControllerModel.FILL_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.controlplane.component.Component;
import io.neonops.controller.api.NodeAvailability;
import io.neonops.controller.api.NodeSchedulingPolicy;
import io.neonops.operator.upgrade.RestartMark.Stage;
import io.neonops.storage.common.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The restart of a modern cluster's pageservers through the storage controller's drain and fill, step by step. */
class PageserverDrainTest {

    private static final PodRef PS0 = Clusters.ref(Component.PAGESERVER, 0);
    private static final PodRef PS1 = Clusters.ref(Component.PAGESERVER, 1);
    private static final NodeId ONE = NodeId.of(1);
    private static final Instant MINUTE_AGO = NOW.minus(Duration.ofMinutes(1));

    /** A cluster whose roll has reached its pageservers: everything else runs the new spec. */
    private static Clusters modern(int pageservers) {
        return Clusters.demo(1, 3, pageservers).updated("demo-etcd-0", "demo-safekeeper-0", "demo-safekeeper-1",
                "demo-safekeeper-2");
    }

    private static RollStep next(Clusters cluster, StorageControllerModel storcon) {
        return storcon.next(cluster.pods(), cluster.desiredSpec(), NOW);
    }

    @Test
    void thePageserverIsDrainedBeforeItsRestart() {
        assertThat(next(modern(2), StorageControllerModel.withNodes(2)))
                .isEqualTo(new PageserverStep.RequestDrain(PS0, ONE, false));
    }

    @Test
    void whileTheNodeDrainsNothingIsRestartedUntilTheDrainTimeout() {
        StorageControllerModel storcon = StorageControllerModel.withNodes(2).node(1, NodeSchedulingPolicy.DRAINING)
                .mark(0, Stage.DRAIN, MINUTE_AGO, "t1");

        RollStep step = next(modern(2), storcon);

        assertThat(step).isEqualTo(new PageserverStep.WaitForDrain(PS0, ONE, storcon.state(1), MINUTE_AGO.plus(DRAIN_TIMEOUT),
                List.of("t1")));
        assertThat(step.stage()).isEqualTo("draining demo-pageserver-0");
        assertThat(step.message()).contains("1 shard without a secondary (t1)", "offline during its restart");
    }

    @Test
    void theDrainedNodeIsRestarted() {
        StorageControllerModel storcon = StorageControllerModel.withNodes(2).node(1, NodeSchedulingPolicy.PAUSE_FOR_RESTART)
                .mark(0, Stage.DRAIN, MINUTE_AGO);

        RollStep step = next(modern(2), storcon);

        assertThat(step).isInstanceOf(RollStep.Restart.class);
        assertThat(step.currentPod()).contains(PS0);
        assertThat(step.message()).contains("PauseForRestart");
    }

    @Test
    void aDrainPastItsTimeoutHaltsTheRollNamingTheNodeAndTheStep() {
        Instant since = NOW.minus(DRAIN_TIMEOUT);
        StorageControllerModel storcon = StorageControllerModel.withNodes(2).node(1, NodeSchedulingPolicy.DRAINING)
                .mark(0, Stage.DRAIN, since);

        RollStep step = next(modern(2), storcon);

        assertThat(step).isInstanceOf(PageserverStep.Halt.class);
        assertThat(step.haltReason()).contains("PageserverDrainTimeout");
        assertThat(step.message()).contains("the drain of pageserver node 1", "demo-pageserver-0", since.toString(), "15m",
                "Draining");
    }

    @Test
    void aDrainCancelledUnderneathIsAskedForAgainWithinTheSameTimeout() {
        StorageControllerModel storcon = StorageControllerModel.withNodes(2).mark(0, Stage.DRAIN, MINUTE_AGO);

        RollStep step = next(modern(2), storcon);

        assertThat(step).isEqualTo(new PageserverStep.RequestDrain(PS0, ONE, true));
        assertThat(step.message()).contains("cancelled underneath");
        storcon.mark(0, Stage.DRAIN, NOW.minus(DRAIN_TIMEOUT));
        assertThat(next(modern(2), storcon).haltReason()).contains("PageserverDrainTimeout");
    }

    @Test
    void aNodeDrainingWithoutAMarkIsAdoptedMarkingItFirst() {
        assertThat(next(modern(2), StorageControllerModel.withNodes(2).node(1, NodeSchedulingPolicy.DRAINING)))
                .isEqualTo(new PageserverStep.RequestDrain(PS0, ONE, false));
    }

    @Test
    void aDrainedNodeFoundWithoutAMarkIsRestartedAtOnce() {
        RollStep step = next(modern(2), StorageControllerModel.withNodes(2).node(1, NodeSchedulingPolicy.PAUSE_FOR_RESTART));

        assertThat(step).isInstanceOf(RollStep.Restart.class);
        assertThat(step.currentPod()).contains(PS0);
    }

    @Test
    void theOnlyPageserverRestartsWithoutADrainSayingItsTenantsGoOffline() {
        RollStep step = next(modern(1), StorageControllerModel.withNodes(1));

        assertThat(step).isInstanceOf(RollStep.Restart.class);
        assertThat(step.message()).contains("only pageserver", "offline until it is back");
    }

    @Test
    void aPageserverTheStorageControllerDoesNotKnowOrSeesOfflineHasNothingToDrain() {
        assertThat(next(modern(2), StorageControllerModel.withNodes(2).without(1)).message())
                .contains("restarting pod demo-pageserver-0", "not registered");
        assertThat(next(modern(2), StorageControllerModel.withNodes(2).node(1, NodeAvailability.OFFLINE, NodeSchedulingPolicy.ACTIVE))
                .message()).contains("restarting pod demo-pageserver-0", "Offline");
    }

    @Test
    void aPausedNodeHaltsTheRollWithoutTouchingItsPolicy() {
        RollStep step = next(modern(2), StorageControllerModel.withNodes(2).node(1, NodeSchedulingPolicy.PAUSE));

        assertThat(step.haltReason()).contains("PageserverPaused");
        assertThat(step.message()).contains("pageserver node 1", "Paused", "set it Active");
    }

    @Test
    void aDrainWaitsWhileAnotherNodeShowsABackgroundOperation() {
        RollStep step = next(modern(3), StorageControllerModel.withNodes(3).node(3, NodeSchedulingPolicy.FILLING));

        assertThat(step).isInstanceOf(RollStep.Blocked.class);
        assertThat(step.message()).contains("node 3", "Filling", "one drain, fill or delete at a time");
    }

    @Test
    void aNodeWarmingUpIsDrainedOnceActive() {
        RollStep step = next(modern(2), StorageControllerModel.withNodes(2).node(1, NodeAvailability.WARMING_UP,
                NodeSchedulingPolicy.ACTIVE));

        assertThat(step).isInstanceOf(RollStep.Blocked.class);
        assertThat(step.message()).contains("drained once Active", "WarmingUp");
    }

    @Test
    void withoutAnAnswerFromTheStorageControllerNoPageserverIsRestarted() {
        StorageControllerModel storcon = StorageControllerModel.withNodes(2).unreachable("connection refused");

        assertThat(next(modern(2), storcon)).isEqualTo(new RollStep.Blocked(PS0,
                "the storage controller cannot be asked to drain pageserver node 1: connection refused"));
        storcon.mark(0, Stage.DRAIN, MINUTE_AGO).node(1, NodeSchedulingPolicy.PAUSE_FOR_RESTART);
        assertThat(next(modern(2), storcon)).isInstanceOf(RollStep.Blocked.class);
    }

    @Test
    void theRestartedPageserverIsFilledOnceActiveAgain() {
        Clusters cluster = modern(2).restarted("demo-pageserver-0", Duration.ofMinutes(1)).ready("demo-pageserver-0");
        StorageControllerModel storcon = StorageControllerModel.withNodes(2).mark(0, Stage.DRAIN, MINUTE_AGO);

        assertThat(next(cluster, storcon)).isEqualTo(new PageserverStep.RequestFill(PS0, ONE));
        storcon.reAttach(1);
        RollStep warming = next(cluster, storcon);
        assertThat(warming).isInstanceOf(PageserverStep.AwaitNode.class);
        assertThat(warming.message()).contains("Active again after its restart", "WarmingUp");
    }

    @Test
    void aRestartedPageserverNotActiveWithinTheReadyTimeoutHalts() {
        Clusters cluster = modern(2).updated("demo-pageserver-0");
        StorageControllerModel storcon = StorageControllerModel.withNodes(2).mark(0, Stage.DRAIN, MINUTE_AGO)
                .node(1, NodeAvailability.OFFLINE, NodeSchedulingPolicy.ACTIVE);

        RollStep step = next(cluster, storcon);

        assertThat(step.haltReason()).contains("PageserverNotActive");
        assertThat(step.message()).contains("pageserver node 1", "not Active again", "10m");
    }

    @Test
    void aRestartedPageserverThatHasNotRegisteredYetIsAwaitedWithinTheReadyTimeout() {
        Clusters cluster = modern(2).restarted("demo-pageserver-0", Duration.ofMinutes(2)).ready("demo-pageserver-0");
        StorageControllerModel storcon = StorageControllerModel.withNodes(2).without(1).mark(0, Stage.DRAIN, MINUTE_AGO);

        assertThat(next(cluster, storcon)).isEqualTo(new PageserverStep.AwaitNode(PS0, ONE,
                "to be registered with the storage controller after its restart", NOW.minus(Duration.ofMinutes(2)).plus(TIMEOUT)));
    }

    @Test
    void theFillIsAwaitedUntilItsTimeoutThenHalts() {
        Clusters cluster = modern(2).updated("demo-pageserver-0");
        StorageControllerModel storcon = StorageControllerModel.withNodes(2).node(1, NodeSchedulingPolicy.FILLING)
                .mark(0, Stage.FILL, MINUTE_AGO);

        RollStep waiting = next(cluster, storcon);
        assertThat(waiting).isEqualTo(new PageserverStep.WaitForFill(PS0, ONE, MINUTE_AGO.plus(FILL_TIMEOUT)));
        assertThat(waiting.stage()).isEqualTo("filling demo-pageserver-0");

        storcon.mark(0, Stage.FILL, NOW.minus(FILL_TIMEOUT));
        RollStep halted = next(cluster, storcon);
        assertThat(halted.haltReason()).contains("PageserverFillTimeout");
        assertThat(halted.message()).contains("the fill of pageserver node 1", "5m");
    }

    @Test
    void theNextPageserverWaitsUntilTheFillEnded() {
        Clusters cluster = modern(2).updated("demo-pageserver-0");
        StorageControllerModel storcon = StorageControllerModel.withNodes(2).mark(0, Stage.FILL, MINUTE_AGO);

        assertThat(next(cluster, storcon)).isEqualTo(new PageserverStep.FillEnded(PS0, ONE));
        storcon.unmark(0);
        assertThat(next(cluster, storcon)).isEqualTo(new PageserverStep.RequestDrain(PS1, NodeId.of(2), false));
    }

    @Test
    void aFillFoundRunningWithoutItsMarkIsAdopted() {
        Clusters cluster = modern(2).updated("demo-pageserver-0");
        StorageControllerModel storcon = StorageControllerModel.withNodes(2).node(1, NodeSchedulingPolicy.FILLING)
                .mark(0, Stage.DRAIN, MINUTE_AGO);

        assertThat(next(cluster, storcon)).isEqualTo(new PageserverStep.RequestFill(PS0, ONE));
    }

    @Test
    void aPageserverRestartUnderWayIsFinishedBeforeASafekeeperOfANewerSpecIsRestarted() {
        Clusters cluster = Clusters.demo(1, 3, 2).updated("demo-etcd-0");
        StorageControllerModel storcon = StorageControllerModel.withNodes(2).node(2, NodeSchedulingPolicy.PAUSE_FOR_RESTART)
                .mark(1, Stage.DRAIN, MINUTE_AGO);

        RollStep step = next(cluster, storcon);

        assertThat(step).isInstanceOf(RollStep.Restart.class);
        assertThat(step.currentPod()).contains(PS1);
    }

    @Test
    void aDrainedPageserverWhoseSpecChangedBackHasItsDrainUndoneThenIsFilled() {
        Clusters cluster = modern(2).updated("demo-pageserver-0");
        StorageControllerModel storcon = StorageControllerModel.withNodes(2).node(1, NodeSchedulingPolicy.PAUSE_FOR_RESTART)
                .mark(0, Stage.DRAIN, MINUTE_AGO);

        assertThat(next(cluster, storcon)).isEqualTo(new PageserverStep.UndoDrain(PS0, ONE, storcon.state(1)));
        storcon.node(1, NodeSchedulingPolicy.ACTIVE);
        assertThat(next(cluster, storcon)).isEqualTo(new PageserverStep.RequestFill(PS0, ONE));
    }

    @Test
    void withoutAStorageControllerPageserversRestartAsBefore() {
        assertThat(modern(2).next()).isInstanceOf(RollStep.Restart.class);
    }

    @Test
    void aRollOfThreePageserversDrainsRestartsAndFillsEachBeforeTheNext() {
        Clusters cluster = modern(3);
        StorageControllerModel storcon = StorageControllerModel.withNodes(3);
        List<String> trace = new ArrayList<>();

        for (int steps = 0; steps < 100; steps++) {
            RollStep step = next(cluster, storcon);
            if (step instanceof RollStep.UpToDate) {
                break;
            }
            String name = step.currentPod().orElseThrow().name();
            if (step instanceof PageserverStep pageserver) {
                trace.addAll(storcon.apply(pageserver, NOW));
            } else if (step instanceof RollStep.Restart restart) {
                trace.add("restart " + PageserverDrain.nodeId(restart.pod()) + " at " + storcon.state(restart.pod().index() + 1L)
                        .scheduling());
                cluster.restarted(name, Duration.ZERO);
                storcon.reAttach(restart.pod().index() + 1L);
            } else if (step instanceof RollStep.WaitForReady) {
                cluster.ready(name);
            } else {
                throw new AssertionError("unexpected step " + step.message());
            }
        }

        assertThat(trace).containsExactly(
                "drain 1", "restart 1 at PAUSE_FOR_RESTART", "fill 1",
                "drain 2", "restart 2 at PAUSE_FOR_RESTART", "fill 2",
                "drain 3", "restart 3 at PAUSE_FOR_RESTART", "fill 3");
        assertThat(storcon.marks()).isEmpty();
        assertThat(storcon.nodes().values()).containsOnly(StorageControllerModel.IN_SERVICE);
    }
}

package io.neonops.operator.upgrade;

import static io.neonops.operator.upgrade.Clusters.NEW;
import static io.neonops.operator.upgrade.Clusters.NEW_HASH;
import static io.neonops.operator.upgrade.Clusters.NOW;
import static io.neonops.operator.upgrade.Clusters.OLD;
import static io.neonops.operator.upgrade.Clusters.OLD_HASH;
import static io.neonops.operator.upgrade.Clusters.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.controlplane.component.Component;
import io.neonops.controller.api.NodeAvailability;
import io.neonops.controller.api.NodeSchedulingPolicy;
import io.neonops.storage.common.NodeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The drain/fill rules of a modern cluster's pageserver restarts over generated states: 1..4 pageservers, each pod on
 * the old or new spec, Ready or not, missing or terminating; each node unregistered or in any availability and
 * scheduling policy, sometimes a node no pod has; each claim unmarked or marked for a drain or fill asked for up to twice
 * its timeout ago; sometimes a storage controller that does not answer, sometimes a safekeeper still on the old spec.
 */
class PageserverDrainPropertyTest {

    /** One generated state: the pods and what the storage controller and the claims say. */
    record State(List<ObservedPod> pods, Map<NodeId, NodeState> nodes, Map<Integer, RestartMark> marks, boolean answers) {

        PageserverDrain drain() {
            return PageserverDrain.through(answers ? new PageserverDrain.Nodes.Known(nodes)
                    : new PageserverDrain.Nodes.Unknown("connection refused"), marks, StorageControllerModel.TIMEOUTS);
        }

        RollStep next() {
            return RollingUpgradePlanner.next(pods, NEW, TIMEOUT, drain(), NOW);
        }

        ObservedPod pod(PodRef ref) {
            return pods.stream().filter(p -> p.pod().equals(ref)).findFirst().orElseThrow();
        }

        Optional<NodeState> node(PodRef ref) {
            return Optional.ofNullable(nodes.get(PageserverDrain.nodeId(ref)));
        }

        boolean marked(PodRef ref) {
            return ref.component() == Component.PAGESERVER && marks.containsKey(ref.index());
        }
    }

    @Property
    void restartsAPageserverOnlyWhenDrainedOrWhenADrainCanMoveNothing(@ForAll("anyState") State state) {
        if (state.next() instanceof RollStep.Restart restart && restart.pod().component() == Component.PAGESERVER) {
            assertThat(state.answers()).isTrue();
            Optional<NodeState> node = state.node(restart.pod());
            boolean drained = node.filter(n -> n.scheduling() == NodeSchedulingPolicy.PAUSE_FOR_RESTART).isPresent();
            boolean holdsNothing = node.isEmpty() || node.get().availability() == NodeAvailability.OFFLINE;
            boolean alone = !state.marked(restart.pod())
                    && state.nodes().keySet().stream().allMatch(PageserverDrain.nodeId(restart.pod())::equals);
            assertThat(drained || holdsNothing || alone)
                    .as("restart of %s with node %s, nodes %s", restart.pod().name(), node, state.nodes()).isTrue();
        }
    }

    @Property
    void whileAPageserverRestartIsUnderWayNoOtherPodMoves(@ForAll("anyState") State state) {
        RollStep step = state.next();
        boolean anyMarked = state.pods().stream().anyMatch(p -> state.marked(p.pod()));
        boolean inFlight = state.pods().stream().anyMatch(ObservedPod::inFlight);
        if (anyMarked && !inFlight) {
            assertThat(step.currentPod()).hasValueSatisfying(pod -> assertThat(state.marked(pod)).isTrue());
        }
    }

    @Property
    void aDrainIsAskedForOnlyWhileNoOtherNodeShowsAnOperation(@ForAll("anyState") State state) {
        if (state.next() instanceof PageserverStep.RequestDrain request && !state.marked(request.pod())
                && state.node(request.pod()).filter(n -> n.scheduling() == NodeSchedulingPolicy.DRAINING).isEmpty()) {
            assertThat(state.nodes()).allSatisfy((id, node) ->
                    assertThat(id.equals(request.node()) || !node.showsOperation()).isTrue());
        }
    }

    @Property
    void aFillIsAskedForOnlyForARestartedPageserverActiveOrFillingInTheStorageController(@ForAll("anyState") State state) {
        if (state.next() instanceof PageserverStep.RequestFill request) {
            assertThat(state.pod(request.pod()).updated()).isTrue();
            assertThat(state.node(request.pod())).hasValueSatisfying(n -> assertThat(
                    n.scheduling() == NodeSchedulingPolicy.FILLING || n.available() && n.scheduling() == NodeSchedulingPolicy.ACTIVE)
                    .isTrue());
        }
    }

    @Property
    void aHaltNamesTheNodeAndThePodAndTimesOutOnlyPastItsTimeout(@ForAll("anyState") State state) {
        if (state.next() instanceof PageserverStep.Halt halt) {
            assertThat(halt.message()).contains("pageserver node " + halt.node(), halt.pod().name());
            RestartMark mark = state.marks().get(halt.pod().index());
            if (halt.reason() == PageserverStep.HaltReason.DRAIN_TIMEOUT) {
                assertThat(mark.since().plus(StorageControllerModel.DRAIN_TIMEOUT)).isBeforeOrEqualTo(NOW);
            }
            if (halt.reason() == PageserverStep.HaltReason.FILL_TIMEOUT) {
                assertThat(mark.since().plus(StorageControllerModel.FILL_TIMEOUT)).isBeforeOrEqualTo(NOW);
            }
        }
    }

    @Property
    void theGeneratedStatesReachEveryPageserverStep(@ForAll("anyState") State state) {
        RollStep step = state.next();
        String kind = step instanceof PageserverStep.Halt halt ? "Halt " + halt.reason()
                : step.getClass().getSimpleName() + step.currentPod().map(p -> " " + p.component().id()).orElse("");
        Statistics.label("step").collect(kind);
        Statistics.label("step").coverage(coverage -> {
            RollingUpgradePlannerPropertyTest.stepKinds(PageserverStep.class)
                    .filter(k -> k != PageserverStep.Halt.class)
                    .forEach(k -> coverage.check(k.getSimpleName() + " pageserver").percentage(p -> p > 0.1));
            for (PageserverStep.HaltReason reason : PageserverStep.HaltReason.values()) {
                coverage.check("Halt " + reason).percentage(p -> p > 0.1);
            }
            coverage.check("Restart pageserver").percentage(p -> p > 0.1);
            coverage.check("Blocked pageserver").percentage(p -> p > 0.1);
        });
    }

    @Provide
    Arbitrary<State> anyState() {
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 9),
                        Arbitraries.of(true, true, true, true, true, true, true, true, true, false))
                .flatAs((pageservers, staleSafekeeper, answers) -> Combinators.combine(
                                pageserver().list().ofSize(pageservers), Arbitraries.of(false, false, false, true),
                                focus().optional(0.7))
                        .as((drawn, strayNode, focus) -> state(focus.map(f -> f.over(drawn)).orElse(drawn),
                                staleSafekeeper == 0, strayNode, answers)));
    }

    /** Where the first pageserver's restart is, when the state is focused on one: the stages the draws rarely reach. */
    enum Stage { DRAINING, RESTARTED, FILLING }

    /**
     * The first pageserver in the middle of its restart: outdated and marked for a drain, restarted and Ready with the
     * drain's mark (asked for before its pod was created, or after, as when the spec changed back), or marked for a
     * fill; its node as often in the state that stage expects as in any other.
     */
    record Focus(Stage stage, long ageSeconds, long markAgeSeconds, boolean markedBeforeCreation, boolean expectedNode) {

        List<Drawn> over(List<Drawn> drawn) {
            List<Drawn> changed = new ArrayList<>(drawn);
            Drawn first = drawn.get(0);
            Instant created = NOW.minusSeconds(ageSeconds);
            Instant since = switch (stage) {
                case DRAINING, FILLING -> NOW.minusSeconds(markAgeSeconds);
                case RESTARTED -> markedBeforeCreation ? created.minusSeconds(60) : created.plusSeconds(1);
            };
            RestartMark.Stage markStage = stage == Stage.FILLING ? RestartMark.Stage.FILL : RestartMark.Stage.DRAIN;
            Optional<NodeState> node = !expectedNode ? first.node() : Optional.of(switch (stage) {
                case DRAINING -> new NodeState(NodeAvailability.ACTIVE, NodeSchedulingPolicy.DRAINING);
                case FILLING -> new NodeState(NodeAvailability.ACTIVE, NodeSchedulingPolicy.FILLING);
                // not re-attached yet, or (spec changed back) drained and never restarted
                case RESTARTED -> markedBeforeCreation ? new NodeState(NodeAvailability.WARMING_UP, NodeSchedulingPolicy.ACTIVE)
                        : new NodeState(NodeAvailability.ACTIVE, NodeSchedulingPolicy.PAUSE_FOR_RESTART);
            });
            changed.set(0, new Drawn(stage == Stage.DRAINING ? PodShape.READY_OLD : PodShape.READY_NEW, ageSeconds, node,
                    Optional.of(new RestartMark(markStage, since, List.of()))));
            return changed;
        }
    }

    private static Arbitrary<Focus> focus() {
        long longest = 2 * Math.max(StorageControllerModel.DRAIN_TIMEOUT.toSeconds(), TIMEOUT.toSeconds());
        Arbitrary<Stage> stage = Arbitraries.of(Stage.DRAINING, Stage.RESTARTED, Stage.RESTARTED, Stage.RESTARTED, Stage.FILLING);
        return Combinators.combine(stage, Arbitraries.longs().between(0, 2 * TIMEOUT.toSeconds() - 2),
                Arbitraries.longs().between(0, longest), Arbitraries.of(true, true, false), Arbitraries.of(true, false))
                .as(Focus::new);
    }

    /** How one generated pageserver is: its pod, its node and the mark on its claim. */
    record Drawn(PodShape podShape, long ageSeconds, Optional<NodeState> node, Optional<RestartMark> mark) {
    }

    enum PodShape { READY_OLD, READY_NEW, NOT_READY_OLD, NOT_READY_NEW, DELETING, MISSING }

    private static Arbitrary<Drawn> pageserver() {
        Arbitrary<Optional<NodeState>> node = Combinators.combine(
                Arbitraries.of(NodeAvailability.ACTIVE, NodeAvailability.ACTIVE, NodeAvailability.ACTIVE,
                        NodeAvailability.WARMING_UP, NodeAvailability.OFFLINE),
                Arbitraries.of(NodeSchedulingPolicy.values()).injectDuplicates(0.3))
                .as(NodeState::new).optional(0.9);
        long longest = 2 * Math.max(StorageControllerModel.DRAIN_TIMEOUT.toSeconds(), TIMEOUT.toSeconds());
        Arbitrary<Optional<RestartMark>> mark = Combinators.combine(Arbitraries.of(RestartMark.Stage.values()),
                        Arbitraries.longs().between(0, longest), Arbitraries.of(List.<String>of(), List.of("t1")))
                .as((stage, ago, shards) -> new RestartMark(stage, NOW.minusSeconds(ago), shards)).optional(0.4);
        Arbitrary<PodShape> shape = Arbitraries.frequency(Tuple.of(40, PodShape.READY_OLD), Tuple.of(35, PodShape.READY_NEW),
                Tuple.of(8, PodShape.NOT_READY_OLD), Tuple.of(8, PodShape.NOT_READY_NEW), Tuple.of(5, PodShape.DELETING),
                Tuple.of(4, PodShape.MISSING));
        return Combinators.combine(shape, Arbitraries.longs().between(0, 2 * TIMEOUT.toSeconds()),
                node, mark).as(Drawn::new);
    }

    private static State state(List<Drawn> drawn, boolean staleSafekeeper, boolean strayNode, boolean answers) {
        List<ObservedPod> pods = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            boolean old = staleSafekeeper && i == 0;
            pods.add(new ObservedPod(Clusters.ref(Component.SAFEKEEPER, i), true, true, false, Clusters.LONG_AGO,
                    old ? OLD_HASH : NEW_HASH, old ? OLD : NEW, NEW_HASH));
        }
        Map<NodeId, NodeState> nodes = new HashMap<>();
        Map<Integer, RestartMark> marks = new HashMap<>();
        for (int i = 0; i < drawn.size(); i++) {
            Drawn d = drawn.get(i);
            pods.add(pageserverPod(Clusters.ref(Component.PAGESERVER, i), d));
            int index = i;
            d.node().ifPresent(n -> nodes.put(NodeId.of(index + 1L), n));
            d.mark().ifPresent(m -> marks.put(index, m));
        }
        if (strayNode) {
            nodes.put(NodeId.of(drawn.size() + 1L), StorageControllerModel.IN_SERVICE);
        }
        return new State(pods, nodes, marks, answers);
    }

    private static ObservedPod pageserverPod(PodRef ref, Drawn d) {
        PodShape shape = d.podShape();
        if (shape == PodShape.MISSING) {
            return ObservedPod.missing(ref, NEW_HASH);
        }
        boolean updated = shape == PodShape.READY_NEW || shape == PodShape.NOT_READY_NEW;
        boolean deleting = shape == PodShape.DELETING;
        boolean ready = shape == PodShape.READY_OLD || shape == PodShape.READY_NEW;
        return new ObservedPod(ref, true, ready, deleting, NOW.minusSeconds(d.ageSeconds()), updated ? NEW_HASH : OLD_HASH,
                updated ? NEW : OLD, NEW_HASH);
    }
}

package io.neonops.controller.api.testing;

import static io.neonops.controller.api.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.controller.api.NodeAvailability;
import io.neonops.controller.api.NodeConfigureRequest;
import io.neonops.controller.api.NodeOperationAnswer;
import io.neonops.controller.api.NodeOperationAnswer.Kind;
import io.neonops.controller.api.NodeSchedulingPolicy;
import io.neonops.controller.api.PageserverNode;
import io.neonops.controller.api.PlacementPolicy;
import io.neonops.controller.api.ShardParameters;
import io.neonops.controller.api.TenantConfig;
import io.neonops.controller.api.TenantCreateRequest;
import io.neonops.controller.api.TenantDescription;
import io.neonops.controller.api.TenantShardId;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.ConflictException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The drain/fill/delete state machine of the fake, as storage-controller-api.md section 3 describes it. */
class FakeStorageControllerDrainFillTest extends WithFakeStorageController {

    private static final NodeId ONE = NodeId.of(1);
    private static final NodeId TWO = NodeId.of(2);

    /** A tenant attached to pageserver 1 with a secondary on 2 (the least loaded node is chosen first). */
    private void createTenantOnOneWithSecondary(PlacementPolicy placement) {
        client.createTenant(TenantCreateRequest.of(TENANT, ShardParameters.UNSHARDED, placement, TenantConfig.DEFAULTS));
    }

    private Optional<NodeId> attachedNode() {
        return client.tenant(TENANT).orElseThrow().shards().get(0).nodeAttached();
    }

    private static void assertAnswer(NodeOperationAnswer answer, Kind kind, String message) {
        assertThat(answer.kind()).isEqualTo(kind);
        assertThat(answer.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains(message));
    }

    @Test
    void aDrainIsAcceptedThenPolledThroughDrainingToPauseForRestartMovingShardsToTheirSecondary() {
        startPageservers(1, 2);
        createTenantOnOneWithSecondary(PlacementPolicy.attached(1));

        assertThat(client.startDrain(ONE).kind()).isEqualTo(Kind.ACCEPTED);

        assertThat(poll(1).scheduling()).isEqualTo(NodeSchedulingPolicy.DRAINING);
        assertThat(poll(1).scheduling()).isEqualTo(NodeSchedulingPolicy.PAUSE_FOR_RESTART);
        assertThat(attachedNode()).contains(TWO);
        assertThat(client.tenant(TENANT).orElseThrow().shards().get(0).nodeSecondary()).containsExactly(ONE);
        assertThat(controller.runningOperation()).isEmpty();
    }

    @Test
    void theFullRestartCycleEndsWithTheShardBackAndTheNodeActive() {
        startPageservers(1, 2);
        createTenantOnOneWithSecondary(PlacementPolicy.attached(1));
        client.startDrain(ONE);
        poll(1);
        poll(1);

        restartPageserver(1);
        assertThat(controller.node(ONE)).map(PageserverNode::availability).contains(NodeAvailability.WARMING_UP);
        assertThat(controller.node(ONE)).map(PageserverNode::scheduling).contains(NodeSchedulingPolicy.ACTIVE);
        assertThat(poll(1).inService()).isTrue();

        assertThat(client.startFill(ONE).kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(poll(1).scheduling()).isEqualTo(NodeSchedulingPolicy.FILLING);
        assertThat(poll(1).scheduling()).isEqualTo(NodeSchedulingPolicy.ACTIVE);
        assertThat(attachedNode()).contains(ONE);
    }

    @Test
    void aShardWithoutSecondaryStaysOnTheDrainedNode() {
        startPageservers(1, 2);
        createTenantOnOneWithSecondary(PlacementPolicy.DEFAULT);
        client.startDrain(ONE);
        poll(1);

        assertThat(poll(1).scheduling()).isEqualTo(NodeSchedulingPolicy.PAUSE_FOR_RESTART);
        assertThat(client.tenant(TENANT).orElseThrow().shardsStuckOn(ONE)).containsExactly(TenantShardId.unsharded(TENANT));
    }

    @Test
    void aSinglePageserverDrainsWithNothingMovedButCannotBeFilled() {
        startPageservers(1);
        createTenantOnOneWithSecondary(PlacementPolicy.DEFAULT);

        assertThat(client.startDrain(ONE).kind()).isEqualTo(Kind.ACCEPTED);
        poll(1);
        assertThat(poll(1).scheduling()).isEqualTo(NodeSchedulingPolicy.PAUSE_FOR_RESTART);
        assertThat(attachedNode()).contains(ONE);
        restartPageserver(1);
        poll(1);
        assertAnswer(client.startFill(ONE), Kind.NOT_ALLOWED, "No other nodes to fill from");
    }

    @Test
    void anotherOperationAnywhereIsReportedAsSuchAndBlocksReconfiguring() {
        startPageservers(1, 2);
        controller.holdBackgroundWork();
        client.startDrain(ONE);

        assertAnswer(client.startDrain(TWO), Kind.OTHER_OPERATION_RUNNING, "Background operation already ongoing for node: drain 1");
        assertAnswer(client.startFill(TWO), Kind.OTHER_OPERATION_RUNNING, "drain 1");
        assertAnswer(client.startNodeDelete(TWO, false), Kind.OTHER_OPERATION_RUNNING, "drain 1");
        assertAnswer(client.configureNode(NodeConfigureRequest.scheduling(TWO, NodeSchedulingPolicy.PAUSE)),
                Kind.OTHER_OPERATION_RUNNING, "Ongoing background operation forbids configuring: drain 1");
        assertThat(controller.runningOperation()).contains("drain 1");
    }

    @Test
    void aRestartMidDrainLeavesTheNodeDrainingWithNothingRunningUntilReconfigured() {
        startPageservers(1, 2);
        controller.holdBackgroundWork();
        client.startDrain(ONE);

        controller.restart();
        controller.releaseBackgroundWork();

        assertThat(poll(1).scheduling()).isEqualTo(NodeSchedulingPolicy.DRAINING);
        assertThat(poll(1).scheduling()).isEqualTo(NodeSchedulingPolicy.DRAINING);
        assertAnswer(client.startDrain(ONE), Kind.ALREADY_IN_PROGRESS, "Node 1 has drain in progress");
        assertAnswer(client.cancelDrain(ONE), Kind.NOT_ALLOWED, "Node 1 has no drain in progress");
        assertThat(client.configureNode(NodeConfigureRequest.scheduling(ONE, NodeSchedulingPolicy.ACTIVE)).accepted()).isTrue();
        assertThat(poll(1).inService()).isTrue();
        assertThat(client.startDrain(ONE).accepted()).isTrue();
    }

    @Test
    void aRestartMidDrainIsAlsoRecoveredByRestartingThePageserver() {
        startPageservers(1, 2);
        controller.holdBackgroundWork();
        client.startDrain(ONE);
        controller.restart();
        controller.releaseBackgroundWork();

        restartPageserver(1);

        assertThat(poll(1).inService()).isTrue();
    }

    @Test
    void aCancelledDrainReturnsTheNodeToActive() {
        startPageservers(1, 2);
        controller.holdBackgroundWork();
        client.startDrain(ONE);

        assertThat(client.cancelDrain(ONE).kind()).isEqualTo(Kind.ACCEPTED);

        controller.releaseBackgroundWork();
        assertThat(poll(1).scheduling()).isEqualTo(NodeSchedulingPolicy.ACTIVE);
        assertThat(controller.runningOperation()).isEmpty();
    }

    @Test
    void aNodeWarmingUpAfterItsRestartIsUnavailableForDrainAndFill() {
        startPageservers(1, 2);
        controller.holdBackgroundWork();
        restartPageserver(1);

        assertAnswer(client.startDrain(ONE), Kind.NODE_UNAVAILABLE, "Node 1 is currently unavailable");
        assertAnswer(client.startFill(ONE), Kind.NODE_UNAVAILABLE, "Node 1 is currently unavailable");
    }

    @Test
    void aPausedNodeCannotBeDrainedOrFilledAndAnUnknownOneIsNotFound() {
        startPageservers(1, 2);
        client.configureNode(NodeConfigureRequest.scheduling(ONE, NodeSchedulingPolicy.PAUSE));

        assertAnswer(client.startDrain(ONE), Kind.NOT_ALLOWED, "Node 1 cannot be drained due to Pause policy");
        assertAnswer(client.startFill(ONE), Kind.NOT_ALLOWED, "Node 1 cannot be filled due to Pause policy");
        assertAnswer(client.startDrain(NodeId.of(7)), Kind.NODE_NOT_FOUND, "Node 7 not registered");
        restartPageserver(1);
        assertThat(poll(1).scheduling()).isEqualTo(NodeSchedulingPolicy.PAUSE);
    }

    @Test
    void aFillOfAFillingNodeIsInProgress() {
        startPageservers(1, 2);
        client.startFill(ONE);
        controller.restart();

        assertAnswer(client.startFill(ONE), Kind.ALREADY_IN_PROGRESS, "Node 1 has fill in progress");
    }

    @Test
    void drainingWithNoSchedulableNodeIsNotAllowed() {
        startPageservers(1);
        client.configureNode(NodeConfigureRequest.scheduling(ONE, NodeSchedulingPolicy.PAUSE));

        assertAnswer(client.startDrain(ONE), Kind.NOT_ALLOWED, "No other schedulable nodes to drain to");
    }

    @Test
    void aDeletedNodeHandsItsShardsOnAndCanNeverComeBack() {
        startPageservers(1, 2);
        createTenantOnOneWithSecondary(PlacementPolicy.DEFAULT);

        assertThat(client.startNodeDelete(ONE, false).kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(poll(1).scheduling()).isEqualTo(NodeSchedulingPolicy.DELETING);
        assertThat(client.listNodes()).extracting(PageserverNode::id).containsExactly(TWO);

        assertThat(attachedNode()).contains(TWO);
        assertThatThrownBy(() -> restartPageserver(1))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("re-attach is not allowed");
    }

    @Test
    void aCancelledDeleteRestoresThePolicyTheNodeHadAndASecondDeleteIsInProgress() {
        startPageservers(1, 2);
        client.configureNode(NodeConfigureRequest.scheduling(ONE, NodeSchedulingPolicy.PAUSE));
        controller.holdBackgroundWork();
        client.startNodeDelete(ONE, true);
        controller.restart();

        assertAnswer(client.startNodeDelete(ONE, true), Kind.ALREADY_IN_PROGRESS, "Node 1 has delete in progress");
        assertAnswer(client.cancelNodeDelete(ONE), Kind.NOT_ALLOWED, "Node 1 has no delete in progress");
        assertThat(client.configureNode(NodeConfigureRequest.scheduling(ONE, NodeSchedulingPolicy.PAUSE)).accepted()).isTrue();
        client.startNodeDelete(ONE, true);
        assertThat(client.cancelNodeDelete(ONE).accepted()).isTrue();
        assertThat(controller.node(ONE)).map(PageserverNode::scheduling).contains(NodeSchedulingPolicy.PAUSE);
    }

    @Test
    void aLongerOperationTakesMorePolls() {
        startPageservers(1, 2);
        controller.setObservationsPerOperation(3);
        client.startDrain(ONE);

        assertThat(poll(1).scheduling()).isEqualTo(NodeSchedulingPolicy.DRAINING);
        assertThat(poll(1).scheduling()).isEqualTo(NodeSchedulingPolicy.DRAINING);
        assertThat(poll(1).scheduling()).isEqualTo(NodeSchedulingPolicy.PAUSE_FOR_RESTART);
    }

    @Test
    void anUnreachablePageserverGoesOffline() {
        startPageservers(1, 2);
        controller.markUnreachable(TWO);

        assertThat(poll(2).availability()).isEqualTo(NodeAvailability.OFFLINE);
        assertThat(client.startDrain(TWO).kind()).isEqualTo(Kind.NODE_UNAVAILABLE);
        controller.markReachable(TWO);
        assertThat(poll(2).availability()).isEqualTo(NodeAvailability.ACTIVE);
    }

    @Test
    void describedTenantsShowWhereTheirShardsAre() {
        startPageservers(1, 2);
        createTenantOnOneWithSecondary(PlacementPolicy.attached(1));

        TenantDescription tenant = client.tenant(TENANT).orElseThrow();

        assertThat(tenant.shards().get(0).nodeAttached()).contains(ONE);
        assertThat(tenant.shards().get(0).preferredAzId()).contains("zone-a");
        assertThat(tenant.shardsStuckOn(ONE)).isEmpty();
    }
}

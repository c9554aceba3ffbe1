package io.neonops.controller.api.testing;

import static io.neonops.controller.api.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.controller.api.Fixtures;
import io.neonops.controller.api.NodeAvailability;
import io.neonops.controller.api.PageserverMetadata;
import io.neonops.controller.api.PageserverNode;
import io.neonops.controller.api.PlacementPolicy;
import io.neonops.controller.api.RegisteredSafekeeper;
import io.neonops.controller.api.SafekeeperRegistration;
import io.neonops.controller.api.SafekeeperSchedulingPolicy;
import io.neonops.controller.api.ShardParameters;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controller.api.TenantConfig;
import io.neonops.controller.api.TenantCreateRequest;
import io.neonops.controller.api.TenantShardId;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.ApiRequest;
import io.neonops.storage.common.api.ConflictException;
import io.neonops.storage.common.api.NeonApiTransport;
import io.neonops.storage.common.api.UnexpectedStatusException;
import io.neonops.storage.common.testing.JsonText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How pageservers (re-attach upcall) and safekeepers (operator's upsert) get known to the fake. */
class FakeStorageControllerRegistrationTest extends WithFakeStorageController {

    private static final NodeId ONE = NodeId.of(1);

    @Test
    void aPageserverWithMetadataRegistersItselfOnReAttachAndTurnsActiveAtItsFirstHeartbeat() {
        controller.holdBackgroundWork();
        ReAttachResponse answer = restartPageserver(1);

        assertThat(answer.tenants()).isEmpty();
        assertThat(controller.node(ONE)).map(PageserverNode::availability).contains(NodeAvailability.WARMING_UP);
        assertThat(controller.requests().get(0).body()).isEqualTo(JsonText.write(new ReAttachRequest(ONE,
                Optional.of(Fixtures.registration(1)), Optional.of(false))));
        controller.releaseBackgroundWork();
        assertThat(poll(1)).isEqualTo(PageserverNode.registered(Fixtures.registration(1), NodeAvailability.ACTIVE,
                io.neonops.controller.api.NodeSchedulingPolicy.ACTIVE));
    }

    @Test
    void aPageserverWithoutMetadataIsNotRegisteredByItsReAttach() {
        ReAttachResponse answer = pageservers.reAttach(ONE, Optional.empty(), Optional.empty(), true);

        assertThat(answer.tenants()).isEmpty();
        assertThat(client.listNodes()).isEmpty();
    }

    @Test
    void changedAddressesOrZoneAreRefusedForever() {
        startPageservers(1);
        var moved = new PageserverMetadata("elsewhere", 6400, Optional.empty(), Optional.empty(), "elsewhere", 9898,
                Optional.empty(), Optional.of("zone-a"));

        assertThatThrownBy(() -> pageservers.reAttach(ONE, Optional.of(moved), Optional.empty(), false))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Node is already registered with different address");
        assertThatThrownBy(() -> client.registerNode(moved.registerRequest(ONE, Optional.empty())))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aPageserverWhoseNameDoesNotResolveYetIsAskedToRetry() {
        controller.refuseToResolve(Fixtures.metadata(1).httpHost());

        assertThatThrownBy(() -> restartPageserver(1))
                .isInstanceOf(UnexpectedStatusException.class)
                .satisfies(e -> assertThat(((UnexpectedStatusException) e).status()).isEqualTo(503));
        assertThat(controller.nodes()).isEmpty();
    }

    @Test
    void aPageserverStartsFromTheFilesInItsWorkDirectory(@TempDir Path workdir) throws IOException {
        Files.writeString(workdir.resolve("identity.toml"), "id=4\n");
        Files.writeString(workdir.resolve("metadata.json"), JsonText.write(Fixtures.metadata(4)));

        pageservers.startFrom(workdir, Optional.empty());

        assertThat(controller.node(NodeId.of(4))).map(PageserverNode::listenHttpAddr).contains(Fixtures.metadata(4).httpHost());
        assertThat(JsonText.tree(controller.requests().get(0).body()).get("empty_local_disk").booleanValue()).isTrue();
    }

    @Test
    void reAttachHandsOutNewGenerationsAndListsSecondariesAndValidateKnowsTheNewest() {
        startPageservers(1, 2);
        client.createTenant(TenantCreateRequest.of(TENANT, ShardParameters.UNSHARDED, PlacementPolicy.attached(1), TenantConfig.DEFAULTS));
        TenantShardId shard = TenantShardId.unsharded(TENANT);

        ReAttachResponse attached = restartPageserver(1);
        ReAttachResponse secondary = restartPageserver(2);

        assertThat(attached.tenants()).containsExactly(new ReAttachResponse.Location(shard, Optional.of(2L),
                ReAttachResponse.Mode.ATTACHED_SINGLE, Optional.of(2048)));
        assertThat(secondary.tenants()).containsExactly(new ReAttachResponse.Location(shard, Optional.empty(),
                ReAttachResponse.Mode.SECONDARY, Optional.of(2048)));
        assertThat(pageservers.validate(List.of(new ValidateRequest.Shard(shard, 1), new ValidateRequest.Shard(shard, 2))).tenants())
                .containsExactly(new ValidateResponse.Shard(shard, false), new ValidateResponse.Shard(shard, true));
    }

    @Test
    void upcallsCarryThePageserversToken() {
        controller.requireToken("generations-jwt");
        var withToken = new FakePageserverUpcalls(controller.upcallApi(), Optional.of("generations-jwt"));

        withToken.reAttach(ONE, Optional.of(Fixtures.metadata(1)), Optional.empty(), false);

        assertThat(controller.requests().get(0).header("Authorization")).isEqualTo("Bearer generations-jwt");
        assertThatThrownBy(() -> restartPageserver(1)).hasMessageContaining("HTTP 401");
    }

    @Test
    void theUpcallTokenPassesOnlyUpcallsAndTheAdminTokenPassesEverything() {
        controller.requireTokens("admin-jwt", "generations-jwt");
        var pageserver = new FakePageserverUpcalls(controller.upcallApi(), Optional.of("generations-jwt"));
        var withAdminToken = new FakePageserverUpcalls(controller.upcallApi(), Optional.of("admin-jwt"));
        var wrongToken = new FakePageserverUpcalls(controller.upcallApi(), Optional.of("other-jwt"));
        var upcallTokenOnControlApi = new StorageControllerClient(
                ApiClientSettings.of(controller.baseUri()).withBearerToken("generations-jwt"));
        var admin = new StorageControllerClient(ApiClientSettings.of(controller.baseUri()).withBearerToken("admin-jwt"));

        pageserver.reAttach(ONE, Optional.of(Fixtures.metadata(1)), Optional.empty(), false);
        withAdminToken.reAttach(ONE, Optional.of(Fixtures.metadata(1)), Optional.empty(), false);

        assertThatThrownBy(() -> wrongToken.reAttach(ONE, Optional.of(Fixtures.metadata(1)), Optional.empty(), false))
                .hasMessageContaining("HTTP 403");
        assertThatThrownBy(upcallTokenOnControlApi::listNodes).hasMessageContaining("HTTP 403");
        assertThat(admin.listNodes()).extracting(PageserverNode::id).containsExactly(ONE);
    }

    @Test
    void safekeeperRegistrationIsIdempotentStoresTheBodyAndActivatesAtTheFirstHeartbeat() {
        controller.holdBackgroundWork();
        client.registerSafekeeper(Fixtures.safekeeper(1));
        client.registerSafekeeper(Fixtures.safekeeper(1));

        assertThat(controller.safekeepers()).containsExactly(new RegisteredSafekeeper(Fixtures.safekeeper(1),
                SafekeeperSchedulingPolicy.ACTIVATING));
        controller.releaseBackgroundWork();
        assertThat(client.listSafekeepers()).extracting(RegisteredSafekeeper::schedulingPolicy)
                .containsExactly(SafekeeperSchedulingPolicy.ACTIVE);
        assertThat(controller.calls()).containsExactly("POST /control/v1/safekeeper/1", "POST /control/v1/safekeeper/1",
                "GET /control/v1/safekeeper");
    }

    @Test
    void registeringAgainUpdatesTheRecordAndKeepsItsPolicy() {
        client.registerSafekeeper(Fixtures.safekeeper(1));
        client.listSafekeepers();
        var moved = new SafekeeperRegistration(NodeId.of(1), "local", 2, "sk-1.other.svc", 5454, 7676, Optional.empty(), "az-1");

        client.registerSafekeeper(moved);

        assertThat(client.safekeeper(NodeId.of(1))).contains(new RegisteredSafekeeper(moved, SafekeeperSchedulingPolicy.ACTIVE));
    }

    @Test
    void aStorageControllerThatLostItsDatabaseForgetsSafekeepersUntilTheyAreRegisteredAgain() {
        client.registerSafekeeper(Fixtures.safekeeper(1));
        client.registerSafekeeper(Fixtures.safekeeper(2));

        controller.loseDatabase();
        assertThat(client.listSafekeepers()).isEmpty();

        client.registerSafekeeper(Fixtures.safekeeper(2));
        assertThat(client.listSafekeepers()).extracting(RegisteredSafekeeper::id).containsExactly(NodeId.of(2));
    }

    @Test
    void aRestartKeepsWhatTheDatabaseHolds() {
        startPageservers(1);
        client.registerSafekeeper(Fixtures.safekeeper(1));

        controller.restart();

        assertThat(client.listNodes()).hasSize(1);
        assertThat(client.listSafekeepers()).hasSize(1);
    }

    @Test
    void aRegistrationWhosePathAndBodyDisagreeIsRefused() {
        var transport = new NeonApiTransport(ApiClientSettings.of(controller.baseUri()));

        assertThatThrownBy(() -> transport.send(ApiRequest.post("/control/v1/safekeeper/2", Fixtures.safekeeper(3))))
                .isInstanceOf(UnexpectedStatusException.class)
                .hasMessageContaining("HTTP 400: id mismatch: url=2, body=3");
        assertThatThrownBy(() -> transport.send(ApiRequest.post("/control/v1/safekeeper/0", java.util.Map.of("id", 0))))
                .hasMessageContaining("HTTP 400: Bad request");
        assertThat(controller.safekeepers()).isEmpty();
    }

    @Test
    void anInjectedFailureAnswersOnceThenTheFakeWorksAgain() {
        controller.failNext("POST", "/control/v1/safekeeper/\\d+", 500, "database connection lost");

        assertThatThrownBy(() -> client.registerSafekeeper(Fixtures.safekeeper(1)))
                .hasMessage("POST " + controller.baseUri() + "/control/v1/safekeeper/1: HTTP 500: database connection lost");
        client.registerSafekeeper(Fixtures.safekeeper(1));
        assertThat(controller.safekeepers()).hasSize(1);
    }
}

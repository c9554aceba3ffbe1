package io.neonops.controlplane.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.neonops.controller.api.RegisteredSafekeeper;
import io.neonops.controller.api.SafekeeperRegistration;
import io.neonops.controller.api.SafekeeperSchedulingPolicy;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controller.api.testing.FakeStorageController;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.testing.JsonText;

class SafekeeperRegistrarTest {
    private static final List<SafekeeperEndpoint> THREE = List.of(
            SafekeeperEndpoint.local(NodeId.of(1), 5454, 7676, "local-sk-1"),
            SafekeeperEndpoint.local(NodeId.of(2), 5455, 7677, "local-sk-2"),
            SafekeeperEndpoint.local(NodeId.of(3), 5456, 7678, "local-sk-3"));

    private final FakeStorageController controller = FakeStorageController.start();
    private final SafekeeperRegistrar registrar = new SafekeeperRegistrar(
            new StorageControllerClient(ApiClientSettings.of(controller.baseUri())));

    @AfterEach
    void stopController() {
        controller.close();
    }

    @Test
    void eachSafekeeperIsRegisteredInAZoneOfItsOwnAndSetActive() {
        SafekeeperRegistrationReport report = registrar.register(THREE);

        assertThat(report.outcomes()).containsExactly(registered(1), registered(2), registered(3));
        assertThat(report.complete()).isTrue();
        assertThat(report.summary()).isEqualTo("3/3 safekeepers registered");
        assertThat(controller.safekeepers()).containsExactly(
                active(1, 5454, 7676), active(2, 5455, 7677), active(3, 5456, 7678));
        String firstBody = controller.requests().stream().filter(r -> r.method().equals("POST")
                && r.path().equals("/control/v1/safekeeper/1")).findFirst().orElseThrow().body();
        assertThat(JsonText.tree(firstBody)).isEqualTo(JsonText.tree("{\"id\":1,\"region_id\":\"local\",\"version\":1,"
                + "\"host\":\"127.0.0.1\",\"port\":5454,\"http_port\":7676,"
                + "\"availability_zone_id\":\"local-sk-1\"}"));
    }

    @Test
    void aSecondRegistrationOfTheSameSafekeepersSendsNothing() {
        registrar.register(THREE);
        int calls = controller.calls().size();

        SafekeeperRegistrationReport again = registrar.register(THREE);

        assertThat(again.outcomes()).containsExactly(alreadyRegistered(1), alreadyRegistered(2), alreadyRegistered(3));
        assertThat(controller.calls().subList(calls, controller.calls().size())).containsExactly(
                "GET /control/v1/safekeeper");
    }

    @Test
    void givenTheCallersListingNothingIsListedAgain() {
        registrar.register(THREE);
        List<RegisteredSafekeeper> listing = controller.safekeepers();
        int calls = controller.calls().size();

        SafekeeperRegistrationReport again = registrar.register(THREE, listing);

        assertThat(again.outcomes()).containsExactly(alreadyRegistered(1), alreadyRegistered(2), alreadyRegistered(3));
        assertThat(controller.calls()).hasSize(calls);
    }

    @Test
    void givenAListingWithoutOneSafekeeperOnlyThatOneIsRegistered() {
        registrar.register(THREE);
        List<RegisteredSafekeeper> listing = controller.safekeepers().subList(0, 2);
        int calls = controller.calls().size();

        SafekeeperRegistrationReport again = registrar.register(THREE, listing);

        assertThat(again.outcomes()).containsExactly(alreadyRegistered(1), alreadyRegistered(2), registered(3));
        assertThat(controller.calls().subList(calls, controller.calls().size())).containsExactly(
                "POST /control/v1/safekeeper/3", "POST /control/v1/safekeeper/3/scheduling_policy");
    }

    @Test
    void safekeepersTheStorageControllerLostAreRegisteredAgain() {
        registrar.register(THREE);
        controller.loseDatabase();

        SafekeeperRegistrationReport again = registrar.register(THREE);

        assertThat(again.outcomes()).containsExactly(registered(1), registered(2), registered(3));
        assertThat(controller.safekeepers()).extracting(RegisteredSafekeeper::schedulingPolicy)
                .containsOnly(SafekeeperSchedulingPolicy.ACTIVE);
    }

    @Test
    void aSafekeeperKnownWithOtherPortsIsUpdated() {
        registrar.register(THREE);

        SafekeeperRegistrationReport moved = registrar.register(List.of(SafekeeperEndpoint.local(NodeId.of(2), 6455, 8677, "local-sk-2")));

        assertThat(moved.outcomes()).containsExactly(registered(2));
        assertThat(controller.safekeepers()).contains(active(2, 6455, 8677));
    }

    @Test
    void oneRefusedSafekeeperDoesNotKeepTheOthersFromBeingRegistered() {
        controller.failNext("POST", "/control/v1/safekeeper/2", 500, "database unavailable");

        SafekeeperRegistrationReport report = registrar.register(THREE);

        assertThat(report.registered()).containsExactly(NodeId.of(1), NodeId.of(3));
        assertThat(report.complete()).isFalse();
        assertThat(report.outcomes().get(1)).isInstanceOf(SafekeeperRegistrationReport.Outcome.Failed.class);
        assertThat(report.summary()).startsWith("2/3 safekeepers registered; safekeeper 2: ")
                .contains("/control/v1/safekeeper/2", "500", "database unavailable");
    }

    @Test
    void safekeepersSharingAZoneAreRefusedBeforeAnythingIsSent() {
        List<SafekeeperEndpoint> sameZone = List.of(new SafekeeperEndpoint(NodeId.of(1), "local", "127.0.0.1", 5454, 7676, "z"),
                new SafekeeperEndpoint(NodeId.of(2), "local", "127.0.0.1", 5455, 7677, "z"));

        assertThatThrownBy(() -> registrar.register(sameZone)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("safekeeper 2 shares availability zone 'z' with another: new timelines need safekeepers in distinct zones");
        assertThat(controller.calls()).isEmpty();
    }

    private static SafekeeperRegistrationReport.Outcome registered(long id) {
        return new SafekeeperRegistrationReport.Outcome.Registered(NodeId.of(id));
    }

    private static SafekeeperRegistrationReport.Outcome alreadyRegistered(long id) {
        return new SafekeeperRegistrationReport.Outcome.AlreadyRegistered(NodeId.of(id));
    }

    private static RegisteredSafekeeper active(long id, int pgPort, int httpPort) {
        return new RegisteredSafekeeper(new SafekeeperRegistration(NodeId.of(id), "local", 1, "127.0.0.1", pgPort, httpPort,
                Optional.empty(), "local-sk-" + id), SafekeeperSchedulingPolicy.ACTIVE);
    }
}

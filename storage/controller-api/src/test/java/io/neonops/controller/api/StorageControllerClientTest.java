package io.neonops.controller.api;

import static io.neonops.controller.api.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.controller.api.testing.WithFakeStorageController;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.MalformedResponseException;
import io.neonops.storage.common.api.RequestFailedException;
import io.neonops.storage.common.api.UnauthorizedException;
import io.neonops.storage.common.api.UnexpectedStatusException;
import io.neonops.storage.common.testing.FakeHttpServer;
import io.neonops.storage.common.testing.FakeHttpServer.RecordedRequest;
import io.neonops.storage.common.testing.JsonText;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the client sends and how it reads the answers, against the fake storage controller or scripted ones. */
class StorageControllerClientTest extends WithFakeStorageController {

    private static StorageControllerClient clientOf(FakeHttpServer server) {
        return new StorageControllerClient(ApiClientSettings.of(server.baseUri()));
    }

    private RecordedRequest lastRequest() {
        List<RecordedRequest> requests = controller.requests();
        return requests.get(requests.size() - 1);
    }

    @Test
    void readyIsFalseWhileStartupReconciliationRuns() {
        controller.setReady(false);
        assertThat(client.ready()).isFalse();

        controller.setReady(true);
        assertThat(client.ready()).isTrue();
        client.status();
        assertThat(controller.calls()).containsExactly("GET /ready", "GET /ready", "GET /status");
    }

    @Test
    void readinessFailingOtherwiseNamesTheUrl() {
        try (FakeHttpServer server = FakeHttpServer.start()) {
            server.respond("GET", "/ready", 500, "{\"msg\":\"database gone\"}");

            assertThatThrownBy(() -> clientOf(server).ready())
                    .isInstanceOf(UnexpectedStatusException.class)
                    .hasMessage("GET " + server.baseUri() + "/ready: HTTP 500: database gone");
        }
    }

    @Test
    void everyCallCarriesTheBearerTokenAndHealthNeedsNone() {
        controller.requireToken("admin-jwt");
        var withToken = new StorageControllerClient(ApiClientSettings.of(controller.baseUri()).withBearerToken("admin-jwt"));

        assertThat(withToken.listNodes()).isEmpty();
        assertThat(lastRequest().header("Authorization")).isEqualTo("Bearer admin-jwt");
        assertThat(client.ready()).isTrue();
        assertThatThrownBy(client::listNodes)
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("HTTP 401: Unauthorized: missing authorization header");
    }

    @Test
    void registersANodeWithThePostedBodyAndFindsIt() {
        client.registerNode(Fixtures.registration(3));

        assertThat(lastRequest().method()).isEqualTo("POST");
        assertThat(lastRequest().path()).isEqualTo("/control/v1/node");
        assertThat(lastRequest().body()).isEqualTo(JsonText.write(Fixtures.registration(3)));
        assertThat(client.listNodes()).extracting(PageserverNode::id).containsExactly(NodeId.of(3));
        assertThat(client.node(NodeId.of(3))).hasValueSatisfying(node -> assertThat(node.inService()).isTrue());
        assertThat(client.node(NodeId.of(4))).isEmpty();
    }

    @Test
    void drainFillAndDeleteAreBodilessCallsOnTheNodesPaths() {
        startPageservers(1, 2);

        client.startDrain(NodeId.of(1));
        client.cancelDrain(NodeId.of(1));
        client.startFill(NodeId.of(1));
        client.cancelFill(NodeId.of(1));
        client.startNodeDelete(NodeId.of(2), false);
        client.cancelNodeDelete(NodeId.of(2));

        assertThat(controller.calls()).endsWith("PUT /control/v1/node/1/drain", "DELETE /control/v1/node/1/drain",
                "PUT /control/v1/node/1/fill", "DELETE /control/v1/node/1/fill", "PUT /control/v1/node/2/delete?force=false",
                "DELETE /control/v1/node/2/delete");
        assertThat(controller.requests()).filteredOn(r -> r.path().startsWith("/control/v1/node/"))
                .allSatisfy(r -> assertThat(r.body()).isEmpty());
    }

    @Test
    void anUndocumentedStatusOfANodeOperationIsAnError() {
        try (FakeHttpServer server = FakeHttpServer.start()) {
            server.respond("PUT", "/control/v1/node/1/drain", 500, "{\"msg\":\"boom\"}");

            assertThatThrownBy(() -> clientOf(server).startDrain(NodeId.of(1)))
                    .isInstanceOf(UnexpectedStatusException.class)
                    .hasMessage("PUT " + server.baseUri() + "/control/v1/node/1/drain: HTTP 500: boom");
        }
    }

    @Test
    void aNodeOperationAnswerNamesTheEndpointAndTheServersReason() {
        NodeOperationAnswer answer = client.startDrain(NodeId.of(9));

        assertThat(answer.kind()).isEqualTo(NodeOperationAnswer.Kind.NODE_NOT_FOUND);
        assertThat(answer).hasToString("PUT " + controller.baseUri() + "/control/v1/node/9/drain: NODE_NOT_FOUND (Node 9 not registered)");
    }

    @Test
    void aNodeListWithAnUnknownStateNamesTheUrlAndTheValue() {
        try (FakeHttpServer server = FakeHttpServer.start()) {
            server.respond("GET", "/control/v1/node", 200, "[{\"id\":1,\"availability\":\"Sleeping\",\"scheduling\":\"Active\","
                    + "\"listen_http_addr\":\"h\",\"listen_http_port\":9898,\"listen_pg_addr\":\"h\",\"listen_pg_port\":6400}]");

            assertThatThrownBy(() -> clientOf(server).listNodes())
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageStartingWith("GET " + server.baseUri() + "/control/v1/node: HTTP 200 with a body that is not a valid list of PageserverNode")
                    .hasMessageContaining("\"Sleeping\"");
        }
    }

    @Test
    void aStorageControllerThatIsDownIsARequestFailureNamingTheUrl() {
        controller.close();

        assertThatThrownBy(client::listSafekeepers)
                .isInstanceOf(RequestFailedException.class)
                .hasMessageStartingWith("GET " + controller.baseUri() + "/control/v1/safekeeper: request failed");
    }

    @Test
    void registersASafekeeperWithTheReferenceBodyAndAnEmptyAnswer() {
        client.registerSafekeeper(Fixtures.safekeeper(1));

        assertThat(lastRequest().path()).isEqualTo("/control/v1/safekeeper/1");
        assertThat(JsonText.tree(lastRequest().body())).isEqualTo(
                JsonText.tree("""
                        {"id":1,"region_id":"local","version":1,"host":"sk-1.sk.neon.svc","port":5454,"http_port":7676,
                         "availability_zone_id":"az-1"}"""));
        client.setSafekeeperSchedulingPolicy(NodeId.of(1), SafekeeperSchedulingPolicy.PAUSE);
        assertThat(lastRequest().body()).isEqualTo("{\"scheduling_policy\":\"Pause\"}");
        assertThat(client.safekeeper(NodeId.of(1))).map(RegisteredSafekeeper::schedulingPolicy).contains(SafekeeperSchedulingPolicy.PAUSE);
        assertThat(client.safekeeper(NodeId.of(2))).isEmpty();
    }

    @Test
    void listsTenantsPageByPage() {
        startPageservers(1);
        var first = TenantId.of("00000000000000000000000000000001");
        var second = TenantId.of("00000000000000000000000000000002");
        for (var id : List.of(second, first)) {
            client.createTenant(TenantCreateRequest.of(id, ShardParameters.UNSHARDED, PlacementPolicy.DEFAULT, TenantConfig.DEFAULTS));
        }

        assertThat(client.listTenants()).extracting(TenantDescription::tenantId).containsExactly(first, second);
        assertThat(client.listTenants(Optional.of(first), 10)).extracting(TenantDescription::tenantId).containsExactly(second);
        assertThat(lastRequest().query()).isEqualTo("limit=10&start_after=" + first);
        assertThat(client.listTenants(Optional.empty(), 1)).hasSize(1);
        assertThatThrownBy(() -> client.listTenants(Optional.empty(), 0)).hasMessage("invalid page size 0: must be positive");
    }

    @Test
    void tenantConfigAndPolicyGoToTheirPaths() {
        startPageservers(1);
        client.createTenant(TenantCreateRequest.of(TENANT, ShardParameters.UNSHARDED, PlacementPolicy.DEFAULT, TenantConfig.DEFAULTS));
        var config = new TenantConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("1h"),
                Optional.of("7 days"), Optional.empty());

        client.setTenantConfig(new TenantConfigRequest(TENANT, config));
        client.setTenantPolicy(TENANT, TenantPolicyRequest.placement(new PlacementPolicy.Detached()));

        assertThat(client.tenantConfig(TENANT)).isEqualTo(new TenantConfigResponse(config, config));
        assertThat(controller.calls()).endsWith("PUT /v1/tenant/config", "PUT /control/v1/tenant/" + TENANT + "/policy",
                "GET /v1/tenant/" + TENANT + "/config");
        assertThat(client.tenant(TENANT)).map(TenantDescription::policy).contains(new PlacementPolicy.Detached());
    }
}

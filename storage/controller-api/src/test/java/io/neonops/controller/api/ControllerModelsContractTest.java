package io.neonops.controller.api;

import static io.neonops.controller.api.Fixtures.BRANCH;
import static io.neonops.controller.api.Fixtures.TENANT;
import static io.neonops.controller.api.Fixtures.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neonops.controller.api.testing.ReAttachRequest;
import io.neonops.controller.api.testing.ReAttachResponse;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.testing.JsonText;
import io.neonops.storage.common.testing.OpenApiContract;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The models read and write the JSON of the reference ({@code storage-controller-api.md}, whose examples are
 * copied here), and the tenant and timeline bodies the storage controller serves in the pageserver's place
 * satisfy the pageserver's OpenAPI file at Neon's newest commit.
 */
class ControllerModelsContractTest {

    private static final OpenApiContract PAGESERVER_API = OpenApiContract.fromClasspath("/neon/pageserver-openapi-modern.yml");
    private static final String TENANT_PATH = "/v1/tenant/" + TENANT;

    private static void assertSameJson(String actual, String expected) {
        assertThat(JsonText.tree(actual)).isEqualTo(JsonText.tree(expected));
    }

    @Test
    void nodeDescriptionReadsTheReferenceExampleAndWritesItBack() {
        String json = """
                {"id": 1, "availability": "Active", "scheduling": "PauseForRestart", "availability_zone_id": "zone-a",
                 "listen_http_addr": "ps-0.ps.neon.svc", "listen_http_port": 9898, "listen_https_port": null,
                 "listen_pg_addr": "ps-0.ps.neon.svc", "listen_pg_port": 6400, "listen_grpc_addr": null, "listen_grpc_port": null}""";

        PageserverNode node = JsonText.read(json, PageserverNode.class);

        assertThat(node.id()).isEqualTo(NodeId.of(1));
        assertThat(node.availability()).isEqualTo(NodeAvailability.ACTIVE);
        assertThat(node.scheduling()).isEqualTo(NodeSchedulingPolicy.PAUSE_FOR_RESTART);
        assertThat(node.inService()).isFalse();
        assertSameJson(JsonText.write(node), json.replaceAll(", \"listen_(https|grpc)_(port|addr)\": null", ""));
    }

    @Test
    void everySchedulingPolicyAndAvailabilityHasNeonsSpelling() {
        assertThat(JsonText.write(NodeSchedulingPolicy.values()))
                .isEqualTo("[\"Active\",\"Filling\",\"Pause\",\"PauseForRestart\",\"Draining\",\"Deleting\"]");
        assertThat(JsonText.write(NodeAvailability.values())).isEqualTo("[\"Active\",\"WarmingUp\",\"Offline\"]");
        assertThat(JsonText.write(SafekeeperSchedulingPolicy.values()))
                .isEqualTo("[\"Active\",\"Activating\",\"Pause\",\"Decomissioned\"]");
        assertThat(JsonText.write(ShardSchedulingPolicy.values())).isEqualTo("[\"Active\",\"Essential\",\"Pause\",\"Stop\"]");
    }

    @Test
    void anUnknownSchedulingPolicyIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> JsonText.read("\"Stop\"", NodeSchedulingPolicy.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("\"Stop\"")
                .hasMessageContaining("PauseForRestart");
    }

    @Test
    void nodeRegistrationOmitsAbsentOptionsAndReadsTheReferenceExampleWithNulls() {
        String reference = """
                {"node_id": 1, "listen_pg_addr": "ps-1.ps.neon.svc", "listen_pg_port": 6400,
                 "listen_grpc_addr": null, "listen_grpc_port": null,
                 "listen_http_addr": "ps-1.ps.neon.svc", "listen_http_port": 9898, "listen_https_port": null,
                 "availability_zone_id": "zone-a", "node_ip_addr": null}""";

        assertThat(JsonText.read(reference, NodeRegisterRequest.class)).isEqualTo(Fixtures.registration(1));
        assertSameJson(JsonText.write(Fixtures.registration(1)), """
                {"node_id": 1, "listen_pg_addr": "ps-1.ps.neon.svc", "listen_pg_port": 6400,
                 "listen_http_addr": "ps-1.ps.neon.svc", "listen_http_port": 9898, "availability_zone_id": "zone-a"}""");
    }

    @Test
    void nodeRegistrationRefusesAGrpcAddressWithoutItsPort() {
        assertThatThrownBy(() -> new NodeRegisterRequest(NodeId.of(1), "h", 6400, Optional.of("h"), Optional.empty(), "h",
                9898, Optional.empty(), "zone-a", Optional.empty()))
                .hasMessage("listen_grpc_addr and listen_grpc_port go together: give both or neither");
    }

    @Test
    void metadataFileReadsNeonLocalsFileAndTurnsIntoTheRegistrationAPageserverSends() {
        String neonLocal = """
                {"host":"localhost","port":64000,"grpc_host":"localhost","grpc_port":51051,"http_host":"localhost",
                 "http_port":9898,"https_port":null,"availability_zone_id":"local"}""";

        NodeRegisterRequest register = JsonText.read(neonLocal, PageserverMetadata.class).registerRequest(NodeId.of(7), Optional.empty());

        assertThat(register).isEqualTo(new NodeRegisterRequest(NodeId.of(7), "localhost", 64000, Optional.of("localhost"),
                Optional.of(51051), "localhost", 9898, Optional.empty(), "local", Optional.empty()));
    }

    @Test
    void metadataWithoutAZoneTakesTheConfigFilesZoneOrIsRefused() {
        var noZone = new PageserverMetadata("h", 6400, Optional.empty(), Optional.empty(), "h", 9898, Optional.empty(), Optional.empty());

        assertThat(noZone.registerRequest(NodeId.of(1), Optional.of("zone-b")).availabilityZoneId()).isEqualTo("zone-b");
        assertThatThrownBy(() -> noZone.registerRequest(NodeId.of(1), Optional.empty()))
                .hasMessage("pageserver 1: no availability zone in metadata.json nor in pageserver.toml");
    }

    @Test
    void safekeeperRegistrationWritesTheUpsertBodyAndReadsNeonLocalsBody() {
        String neonLocal = """
                {"id":1,"created_at":"2023-10-25T09:11:25Z","updated_at":"2024-08-28T11:32:43Z",
                 "region_id":"aws-us-east-2","host":"127.0.0.1","port":5454,"http_port":7676,"https_port":null,
                 "version":5957,"availability_zone_id":"us-east-2b-1"}""";

        assertThat(JsonText.read(neonLocal, SafekeeperRegistration.class)).isEqualTo(new SafekeeperRegistration(NodeId.of(1),
                "aws-us-east-2", 5957, "127.0.0.1", 5454, 7676, Optional.empty(), "us-east-2b-1"));
        assertSameJson(JsonText.write(Fixtures.safekeeper(2)), """
                {"id":2,"region_id":"local","version":1,"host":"sk-2.sk.neon.svc","port":5454,"http_port":7676,
                 "availability_zone_id":"az-2"}""");
    }

    @Test
    void safekeeperRegistrationRefusesWhatTheStorageControllerRefuses() {
        assertThatThrownBy(() -> Fixtures.safekeeper(0)).hasMessageContaining("needs a positive id");
        assertThatThrownBy(() -> new SafekeeperRegistration(NodeId.of(1), "local", -1, "h", 5454, 7676, Optional.empty(), "az"))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void registeredSafekeeperReadsTheReferenceExampleAndGivesBackItsRegistration() {
        String json = """
                {"id": 1, "region_id": "local", "version": 1, "host": "sk-1.sk.neon.svc", "port": 5454,
                 "http_port": 7676, "https_port": null, "availability_zone_id": "az-1", "scheduling_policy": "Decomissioned"}""";

        RegisteredSafekeeper safekeeper = JsonText.read(json, RegisteredSafekeeper.class);

        assertThat(safekeeper.schedulingPolicy()).isEqualTo(SafekeeperSchedulingPolicy.DECOMMISSIONED);
        assertThat(safekeeper.registration()).isEqualTo(Fixtures.safekeeper(1));
    }

    @Test
    void placementPoliciesUseRustsExternallyTaggedForm() {
        var policies = List.of(PlacementPolicy.attached(1), new PlacementPolicy.Secondary(), new PlacementPolicy.Detached());

        assertThat(JsonText.write(policies)).isEqualTo("[{\"Attached\":1},\"Secondary\",\"Detached\"]");
        assertThat(JsonText.read(JsonText.write(policies), new TypeReference<List<PlacementPolicy>>() { })).isEqualTo(policies);
        assertThat(PlacementPolicy.attached(1).hasSecondary()).isTrue();
        assertThat(PlacementPolicy.DEFAULT.hasSecondary()).isFalse();
        assertThatThrownBy(() -> JsonText.read("{\"Attached\":\"one\"}", PlacementPolicy.class))
                .hasMessageContaining("invalid placement policy {\"Attached\":\"one\"}");
    }

    @Test
    void tenantShardIdsAreThePlainIdOrTheIdWithShardNumberAndCountInHex() {
        TenantShardId second = TenantShardId.parse(TENANT + "-010a");

        assertThat(second).isEqualTo(new TenantShardId(TENANT, 1, 10));
        assertThat(second.toString()).isEqualTo(TENANT + "-010a");
        assertThat(TenantShardId.parse(TENANT.hex())).isEqualTo(TenantShardId.unsharded(TENANT));
        assertThat(JsonText.write(TenantShardId.unsharded(TENANT))).isEqualTo("\"" + TENANT + "\"");
        assertThatThrownBy(() -> TenantShardId.parse(TENANT + "-0202")).hasMessageContaining("shard number 2");
        assertThatThrownBy(() -> TenantShardId.parse("tenant-1")).hasMessageContaining("invalid tenant shard id \"tenant-1\"");
    }

    @Test
    void tenantCreateRequestWritesTheReferenceExampleWithTheConfigFlattened() {
        var request = TenantCreateRequest.of(TENANT, ShardParameters.of(2), PlacementPolicy.attached(1),
                new TenantConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("1h"),
                        Optional.of("7 days"), Optional.empty()));
        String json = JsonText.write(request);

        assertSameJson(json, """
                {"new_tenant_id": "1f359dd625e519a1a4e8d7509690f6fc", "shard_parameters": {"count": 2, "stripe_size": 2048},
                 "placement_policy": {"Attached": 1}, "pitr_interval": "7 days", "gc_period": "1h"}""");
        assertThat(JsonText.read(json, TenantCreateRequest.class)).isEqualTo(request);
        assertThat(PAGESERVER_API.requestProblems("POST", "/v1/tenant", json)).isEmpty();
    }

    @Test
    void anUnshardedTenantCreateRequestLeavesTheShardParametersOut() {
        var request = TenantCreateRequest.of(TENANT, ShardParameters.UNSHARDED, PlacementPolicy.DEFAULT, TenantConfig.DEFAULTS);

        assertThat(JsonText.write(request)).isEqualTo("{\"new_tenant_id\":\"" + TENANT + "\",\"placement_policy\":{\"Attached\":0}}");
    }

    @Test
    void aTenantCreateRequestForOneShardIsRefused() {
        assertThatThrownBy(() -> JsonText.read("{\"new_tenant_id\":\"" + TENANT + "-0102\"}", TenantCreateRequest.class))
                .hasMessageContaining("Attempted to create a specific shard");
    }

    @Test
    void tenantCreateResponseAndDescriptionReadTheReferenceExamples() {
        var created = JsonText.read("""
                {"shards": [{"shard_id": "1f359dd625e519a1a4e8d7509690f6fc", "node_id": 1, "generation": 1}]}""",
                TenantCreateResponse.class);
        var described = JsonText.read("""
                {"tenant_id": "1f359dd625e519a1a4e8d7509690f6fc",
                 "shards": [{"tenant_shard_id": "1f359dd625e519a1a4e8d7509690f6fc", "node_attached": 1, "node_secondary": [2],
                   "last_error": "", "is_reconciling": false, "is_pending_compute_notification": false, "is_splitting": false,
                   "is_importing": false, "scheduling_policy": "Active", "preferred_az_id": "zone-a"}],
                 "stripe_size": 2048, "policy": {"Attached": 1}, "config": {"pitr_interval": "7days"}}""",
                TenantDescription.class);

        assertThat(created.shards()).containsExactly(new TenantCreateResponse.Shard(TenantShardId.unsharded(TENANT), NodeId.of(1), 1));
        assertThat(described.shards().get(0).nodeSecondary()).containsExactly(NodeId.of(2));
        assertThat(described.policy()).isEqualTo(PlacementPolicy.attached(1));
        assertThat(described.config().pitrInterval()).contains("7days");
        assertThat(described.shardsStuckOn(NodeId.of(1))).isEmpty();
    }

    @Test
    void aShardWithoutSecondaryOrPausedIsStuckOnItsNode() {
        var alone = new TenantDescription.Shard(new TenantShardId(TENANT, 0, 2), Optional.of(NodeId.of(1)), List.of(), "",
                false, false, false, ShardSchedulingPolicy.ACTIVE, Optional.empty());
        var paused = new TenantDescription.Shard(new TenantShardId(TENANT, 1, 2), Optional.of(NodeId.of(1)), List.of(NodeId.of(2)),
                "", false, false, false, ShardSchedulingPolicy.PAUSE, Optional.empty());
        var tenant = new TenantDescription(TENANT, List.of(alone, paused), 2048, PlacementPolicy.DEFAULT, TenantConfig.DEFAULTS);

        assertThat(tenant.shardsStuckOn(NodeId.of(1))).containsExactly(alone.tenantShardId(), paused.tenantShardId());
        assertThat(tenant.shardsStuckOn(NodeId.of(2))).isEmpty();
    }

    @Test
    void tenantConfigRequestAndResponseMatchThePageserverSchema() {
        var config = new TenantConfig(Optional.of(268_435_456L), Optional.of("10m"), Optional.of("20s"), Optional.of(67_108_864L),
                Optional.of("1h"), Optional.of("7 days"), Optional.of("60s"));
        String request = JsonText.write(new TenantConfigRequest(TENANT, config));
        String response = JsonText.write(new TenantConfigResponse(config, config));

        assertThat(JsonText.tree(request).get("tenant_id").asText()).isEqualTo(TENANT.hex());
        assertThat(JsonText.tree(request).get("checkpoint_distance").isNumber()).isTrue();
        assertThat(JsonText.read(request, TenantConfigRequest.class)).isEqualTo(new TenantConfigRequest(TENANT, config));
        assertThat(PAGESERVER_API.requestProblems("PUT", "/v1/tenant/config", request)).isEmpty();
        assertThat(PAGESERVER_API.responseProblems("GET", TENANT_PATH + "/config", 200, response)).isEmpty();
    }

    @Test
    void timelineCreateRequestsAreTheBootstrapOrBranchFormAndMatchThePageserverSchema() {
        var bootstrap = new TimelineCreateRequest.Bootstrap(TIMELINE, PgMajorVersion.defaultForTests());
        var branch = new TimelineCreateRequest.Branch(BRANCH, TIMELINE, Optional.of(Lsn.parse("0/169AD58")), false);

        assertSameJson(JsonText.write(bootstrap), "{\"new_timeline_id\":\"" + TIMELINE + "\",\"pg_version\":"
                + PgMajorVersion.defaultForTests().major() + "}");
        assertSameJson(JsonText.write(branch), "{\"new_timeline_id\":\"" + BRANCH + "\",\"ancestor_timeline_id\":\"" + TIMELINE
                + "\",\"ancestor_start_lsn\":\"0/169AD58\",\"read_only\":false}");
        for (TimelineCreateRequest request : List.of(bootstrap, branch)) {
            String json = JsonText.write(request);
            assertThat(JsonText.read(json, TimelineCreateRequest.class)).isEqualTo(request);
            assertThat(PAGESERVER_API.requestProblems("POST", TENANT_PATH + "/timeline", json)).isEmpty();
        }
    }

    @Test
    void timelineInfoMatchesThePageserverSchemaAlsoWithTheSafekeepersOfACreation() {
        var safekeepers = new TimelineSafekeepers(TENANT, TIMELINE, 1, List.of(
                new TimelineSafekeepers.Member(NodeId.of(1), Optional.of("sk-1.sk.neon.svc")),
                new TimelineSafekeepers.Member(NodeId.of(2), Optional.of("sk-2.sk.neon.svc"))));
        var created = timeline(Optional.of(safekeepers));
        String json = JsonText.write(created);

        assertThat(JsonText.read(json, TimelineInfo.class)).isEqualTo(created);
        assertThat(PAGESERVER_API.responseProblems("POST", TENANT_PATH + "/timeline", 201, json)).isEmpty();
        assertThat(PAGESERVER_API.responseProblems("GET", TENANT_PATH + "/timeline/" + TIMELINE, 200,
                JsonText.write(created.withoutSafekeepers()))).isEmpty();
        assertThat(PAGESERVER_API.responseProblems("GET", TENANT_PATH + "/timeline", 200,
                JsonText.write(List.of(created.withoutSafekeepers())))).isEmpty();
    }

    @Test
    void timelineStateReadsTheBrokenObject() {
        var broken = JsonText.read("{\"Broken\":{\"reason\":\"disk full\",\"backtrace\":\"...\"}}", TimelineState.class);

        assertThat(broken).isEqualTo(new TimelineState("Broken", Optional.of("disk full")));
        assertThat(broken.isActive()).isFalse();
        assertThat(JsonText.write(TimelineState.ACTIVE)).isEqualTo("\"Active\"");
    }

    @Test
    void theContractCheckCatchesATimelineWithoutItsState() {
        var json = (ObjectNode) JsonText.tree(JsonText.write(timeline(Optional.empty())));
        json.remove("state");

        assertThat(PAGESERVER_API.responseProblems("GET", TENANT_PATH + "/timeline/" + TIMELINE, 200, json.toString()))
                .anyMatch(p -> p.contains("state"));
    }

    @Test
    void reAttachUpcallReadsTheBodyAPageserverSendsAndTheAnswer() {
        var request = JsonText.read("""
                {"node_id": 1,
                 "register": {"node_id":1,"listen_pg_addr":"ps-1.ps.neon.svc","listen_pg_port":6400,
                              "listen_grpc_addr":null,"listen_grpc_port":null,
                              "listen_http_addr":"ps-1.ps.neon.svc","listen_http_port":9898,"listen_https_port":null,
                              "availability_zone_id":"zone-a","node_ip_addr":null},
                 "empty_local_disk": true}""", ReAttachRequest.class);
        var response = JsonText.read("""
                {"tenants":[{"id":"1f359dd625e519a1a4e8d7509690f6fc","gen":5,"mode":"AttachedSingle","stripe_size":2048},
                            {"id":"1f359dd625e519a1a4e8d7509690f6fc-0102","gen":null,"mode":"Secondary","stripe_size":2048}]}""",
                ReAttachResponse.class);

        assertThat(request.register()).contains(Fixtures.registration(1));
        assertThat(request.emptyLocalDisk()).contains(true);
        assertThat(response.tenants()).extracting(ReAttachResponse.Location::mode)
                .containsExactly(ReAttachResponse.Mode.ATTACHED_SINGLE, ReAttachResponse.Mode.SECONDARY);
        assertThat(response.tenants().get(1).gen()).isEmpty();
    }

    private static TimelineInfo timeline(Optional<TimelineSafekeepers> safekeepers) {
        Lsn lsn = Lsn.parse("0/16B5A50");
        return new TimelineInfo(TenantShardId.unsharded(TENANT), TIMELINE, Optional.empty(), Optional.empty(), lsn,
                Optional.empty(), lsn, Optional.of(lsn), Optional.of(lsn), Optional.of(Lsn.parse("0/14EE150")),
                Optional.of(Lsn.parse("0/14EE150")), Optional.of(22_380_544L), Optional.of(PgMajorVersion.defaultForTests().major()),
                TimelineState.ACTIVE, safekeepers);
    }
}

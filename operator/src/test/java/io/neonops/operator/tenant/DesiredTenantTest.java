package io.neonops.operator.tenant;

import static io.neonops.operator.testing.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.neonops.controller.api.PlacementPolicy;
import io.neonops.controller.api.ShardParameters;
import io.neonops.controller.api.TenantConfig;
import io.neonops.controller.api.TenantDescription;
import io.neonops.operator.cluster.DeletionPolicy;
import io.neonops.storage.common.TenantId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a NeonTenant asks of Neon, read without any server. */
class DesiredTenantTest {

    private static final String MODERN = "storageBroker: {}\nstorageController: {}\nremoteStorage: {bucket: b, region: r}\n"
            + "postgres: {versions: [16, 17], defaultVersion: 17}";

    private static NeonTenant tenant(String name, NeonTenantSpec spec) {
        NeonTenant tenant = new NeonTenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").build());
        tenant.setSpec(spec);
        return tenant;
    }

    private static NeonTenantSpec tenantSpec(String cluster) {
        NeonTenantSpec spec = new NeonTenantSpec();
        spec.setCluster(cluster);
        return spec;
    }

    @Test
    void theDerivedIdDependsOnNamespaceAndNameOnlyAndAGivenIdWins() throws InvalidTenantException {
        TenantId derived = DesiredTenant.idOf(tenant("db", tenantSpec("demo")));

        assertThat(derived).isEqualTo(TenantId.of(NeonIds.derived(NeonTenant.KIND, "ns", "db")));
        assertThat(DesiredTenant.idOf(tenant("db", tenantSpec("demo")))).isEqualTo(derived);
        assertThat(DesiredTenant.idOf(tenant("other", tenantSpec("demo")))).isNotEqualTo(derived);
        NeonTenantSpec given = tenantSpec("demo");
        given.setTenantId("1f359dd625e519a1a4e8d7509690f6fc");
        assertThat(DesiredTenant.of(tenant("db", given), spec(MODERN)).id())
                .isEqualTo(TenantId.of("1f359dd625e519a1a4e8d7509690f6fc"));
    }

    @Test
    void byDefaultOneSecondaryWithTwoPageserversNoneWithOneUnshardedAndRetained() throws InvalidTenantException {
        DesiredTenant one = DesiredTenant.of(tenant("db", tenantSpec("demo")), spec(MODERN));
        DesiredTenant two = DesiredTenant.of(tenant("db", tenantSpec("demo")), spec(MODERN + "\npageserver: {replicas: 2}"));

        assertThat(one.placement()).isEqualTo(PlacementPolicy.attached(0));
        assertThat(two.placement()).isEqualTo(PlacementPolicy.attached(1));
        assertThat(one.shards()).isEqualTo(ShardParameters.UNSHARDED);
        assertThat(one.config()).isEqualTo(TenantConfig.DEFAULTS);
        assertThat(one.deletionPolicy()).isEqualTo(DeletionPolicy.RETAIN);
        assertThat(one.createRequest().shardParameters()).isEmpty();
    }

    @Test
    void moreSecondariesThanOtherPageserversAreRefusedNamingTheField() {
        NeonTenantSpec spec = tenantSpec("demo");
        spec.setSecondaries(1);

        assertThatThrownBy(() -> DesiredTenant.of(tenant("db", spec), spec(MODERN)))
                .isInstanceOf(InvalidTenantException.class)
                .hasMessage("spec.secondaries: 1 secondaries need 2 pageservers; NeonCluster demo has 1");
    }

    @Test
    void theConfigMatchesTheStorageControllersEchoInAnotherSpelling() throws InvalidTenantException {
        NeonTenantSpec spec = tenantSpec("demo");
        TenantConfigSpec config = new TenantConfigSpec();
        config.setPitrInterval("7 days");
        config.setGcHorizon(1024L);
        spec.setConfig(config);
        DesiredTenant desired = DesiredTenant.of(tenant("db", spec), spec(MODERN));
        TenantConfig echoed = new TenantConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(1024L),
                Optional.empty(), Optional.of("7days"), Optional.empty());
        TenantConfig other = new TenantConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(1024L),
                Optional.empty(), Optional.of("8days"), Optional.empty());

        assertThat(desired.configMatches(described(desired.id(), echoed).config())).isTrue();
        assertThat(desired.configMatches(described(desired.id(), other).config())).isFalse();
    }

    private static TenantDescription described(TenantId id, TenantConfig config) {
        return new TenantDescription(id, List.of(), ShardParameters.DEFAULT_STRIPE_SIZE, PlacementPolicy.attached(0), config);
    }
}

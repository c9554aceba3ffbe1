package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.SpecFixtures.resources;
import static io.neonops.operator.testing.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.cluster.NeonClusterStatus;
import io.neonops.operator.cluster.PostgresStatus;
import io.neonops.operator.cluster.RollingUpgradeStatus;
import io.neonops.operator.cluster.SoftwareVersion;
import io.neonops.operator.pageserver.PageserverApiToken;
import io.neonops.operator.pageserver.PageserverTimelines;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.testing.FakePageservers;
import io.neonops.operator.upgrade.TimelinePgVersion;
import io.neonops.operator.upgrade.VersionDecision;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresVersionGateTest {

    private static final String BOTH = "postgres: {versions: [14, 15], defaultVersion: 15}";
    private static final String ONLY_15 = "postgres: {versions: [15], defaultVersion: 15}";
    private static final TimelinePgVersion ON_14 =
            new TimelinePgVersion("de200bd42b49cc1814412c7e592dd6e9", "1f2e3d4c5b6a79880123456789abcdef", 14);
    private static final URI PAGESERVER_0 = URI.create("http://demo-pageserver-0.demo-pageserver.ns.svc.cluster.local:9898");

    private final FakePageservers pageservers = FakePageservers.start();
    private final PageserverTimelines timelines = pageservers.timelines();

    @AfterEach
    void stopPageservers() {
        pageservers.close();
    }

    private static NeonCluster cluster(NeonClusterStatus status) {
        NeonCluster cluster = new NeonCluster();
        cluster.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("ns").withGeneration(2L).build());
        cluster.setStatus(status);
        return cluster;
    }

    /** The pods and volumes of a cluster built from {@code specYaml}, as the informers would show them. */
    private static ObservedCluster running(String specYaml) {
        ClusterResources resources = resources(specYaml);
        List<HasMetadata> objects = new ArrayList<>(resources.pods());
        objects.addAll(resources.volumeClaims());
        return ObservedCluster.of(objects);
    }

    private VersionDecision decide(NeonCluster cluster, String specYaml, ObservedCluster observed) {
        return decide(cluster, specYaml, observed, List.of());
    }

    private VersionDecision decide(NeonCluster cluster, String specYaml, ObservedCluster observed,
                                   List<TimelinePgVersion> declared) {
        return PostgresVersionGate.decide(cluster, spec(specYaml), observed, timelines,
                spec -> new PageserverApiToken.NotNeeded(), () -> declared);
    }

    @Test
    void removingAMajorThePageserverServesIsRefusedWhileATimelineUsesIt() {
        pageservers.serve("ns", List.of(ON_14));

        VersionDecision decision = decide(cluster(null), ONLY_15, running(BOTH));

        assertThat(decision).isInstanceOfSatisfying(VersionDecision.Refused.class,
                refused -> assertThat(refused.blocking()).containsExactly(ON_14));
        assertThat(pageservers.asked("ns")).containsExactly(PAGESERVER_0);
    }

    @Test
    void theMajorsInStatusCountWhenThePageserverPodIsGone() {
        pageservers.serve("ns", List.of(ON_14));
        NeonClusterStatus status = new NeonClusterStatus();
        status.setPostgres(new PostgresStatus(List.of(14, 15), 15));

        VersionDecision decision = decide(cluster(status), ONLY_15,
                ObservedCluster.of(List.copyOf(resources(BOTH).volumeClaims())));

        assertThat(decision).isInstanceOf(VersionDecision.Refused.class);
        assertThat(pageservers.asked("ns")).containsExactly(PAGESERVER_0);
    }

    @Test
    void addingAMajorAsksNothing() {
        VersionDecision decision = decide(cluster(null), BOTH, running(ONLY_15));

        assertThat(decision).isInstanceOfSatisfying(VersionDecision.Allowed.class,
                allowed -> assertThat(allowed.change().rollsPods()).isTrue());
        assertThat(pageservers.asked("ns")).isEmpty();
    }

    @Test
    void aRollAlreadyAcceptedForTheseMajorsIsNotAskedAboutAgain() {
        NeonClusterStatus status = new NeonClusterStatus();
        RollingUpgradeStatus upgrade = new RollingUpgradeStatus();
        upgrade.setTo(new SoftwareVersion("neon:1", List.of(15)));
        upgrade.setUpdatedPods(0);
        upgrade.setTotalPods(5);
        status.setUpgrade(upgrade);

        VersionDecision decision = decide(cluster(status), ONLY_15, running(BOTH));

        assertThat(decision).isInstanceOf(VersionDecision.Allowed.class);
        assertThat(pageservers.asked("ns")).isEmpty();
    }

    @Test
    void onlyPageserversWithAPodOrAVolumeAreAsked() {
        pageservers.serve("ns", List.of());

        VersionDecision decision = decide(cluster(null), "pageserver: {replicas: 2}\n" + ONLY_15, running(BOTH));

        assertThat(decision).isInstanceOf(VersionDecision.Allowed.class);
        assertThat(pageservers.asked("ns")).containsExactly(PAGESERVER_0);
    }

    @Test
    void aTimelineDeclaredAsAResourceBlocksRemovingItsMajorThoughNoPageserverHoldsItYet() {
        pageservers.serve("ns", List.of());

        VersionDecision decision = decide(cluster(null), ONLY_15, running(BOTH), List.of(ON_14));

        assertThat(decision).isInstanceOfSatisfying(VersionDecision.Refused.class, refused -> {
            assertThat(refused.blocking()).containsExactly(ON_14);
            assertThat(refused.message()).contains("tenant " + ON_14.tenantId() + " timeline " + ON_14.timelineId());
        });
    }

    @Test
    void aTimelineBothDeclaredAndOnThePageserverIsNamedOnce() {
        pageservers.serve("ns", List.of(ON_14));

        VersionDecision decision = decide(cluster(null), ONLY_15, running(BOTH), List.of(ON_14));

        assertThat(decision).isInstanceOfSatisfying(VersionDecision.Refused.class,
                refused -> assertThat(refused.blocking()).containsExactly(ON_14));
    }

    @Test
    void declaredTimelinesAreNotReadWhenNoMajorIsRemoved() {
        VersionDecision decision = PostgresVersionGate.decide(cluster(null), spec(BOTH), running(ONLY_15), timelines,
                spec -> new PageserverApiToken.NotNeeded(), () -> {
                    throw new AssertionError("the declared timelines were read");
                });

        assertThat(decision).isInstanceOf(VersionDecision.Allowed.class);
    }
}

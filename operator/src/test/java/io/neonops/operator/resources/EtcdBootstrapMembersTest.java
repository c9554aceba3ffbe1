package io.neonops.operator.resources;

import static io.neonops.operator.testing.SpecFixtures.OWNER;
import static io.neonops.operator.testing.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.ClusterSpecParser;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.EtcdMembership;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtcdBootstrapMembersTest {

    private static final ClusterSpec THREE = spec("etcd: {replicas: 3}");
    private static final ClusterSpec FIVE = spec("etcd: {replicas: 5}");

    /** The etcd claim of member {@code index} as the operator writes it for a cluster bootstrapped as given. */
    private static PersistentVolumeClaim claim(int index, EtcdMembership bootstrapped) {
        return DataVolumeClaims.build(FIVE, bootstrapped, Component.ETCD, index, OWNER).orElseThrow();
    }

    /** A claim with the annotation {@code value}: as a user or another operator version left it. */
    private static PersistentVolumeClaim annotated(int index, String value) {
        return new PersistentVolumeClaimBuilder(unannotated(index))
                .editMetadata().addToAnnotations(EtcdBootstrapMembers.ANNOTATION, value).endMetadata()
                .build();
    }

    /** A claim without the annotation, as operators before it wrote them. */
    private static PersistentVolumeClaim unannotated(int index) {
        return new PersistentVolumeClaimBuilder(claim(index, new EtcdMembership(1)))
                .editMetadata().removeFromAnnotations(EtcdBootstrapMembers.ANNOTATION).endMetadata()
                .build();
    }

    private static Pod pod(int index) {
        return ClusterResources.build(FIVE, OWNER, KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN).pods(Component.ETCD).get(index);
    }

    private static EtcdMembership observed(ClusterSpec cluster, List<PersistentVolumeClaim> claims, List<Pod> pods)
            throws InvalidEtcdBootstrapException {
        return EtcdBootstrapMembers.observed(cluster, claims, pods);
    }

    @Test
    void aClusterWithoutEtcdMembersIsNewAndBootstrapsAllReplicas() throws Exception {
        assertThat(observed(THREE, List.of(), List.of())).isEqualTo(new EtcdMembership(3));
    }

    @Test
    void theClaimsRecordWinsOverTheReplicasOfTheSpec() throws Exception {
        EtcdMembership one = new EtcdMembership(1);

        assertThat(observed(FIVE, List.of(claim(0, one), claim(1, one), claim(2, one)), List.of()))
                .isEqualTo(one);
    }

    @Test
    void oneRecordingClaimIsEnoughWhenThePodsAreGone() throws Exception {
        assertThat(observed(FIVE, List.of(unannotated(0), annotated(2, "3")), List.of())).isEqualTo(new EtcdMembership(3));
    }

    @Test
    void membersFromBeforeTheRecordBootstrappedTogether() throws Exception {
        assertThat(observed(FIVE, List.of(unannotated(0), unannotated(1), unannotated(2)), List.of()))
                .isEqualTo(new EtcdMembership(3));
        assertThat(observed(FIVE, List.of(), List.of(pod(0)))).isEqualTo(new EtcdMembership(1));
    }

    @Test
    void objectsOfOtherComponentsAndClustersAreIgnored() throws Exception {
        PersistentVolumeClaim safekeeper = DataVolumeClaims.build(FIVE, new EtcdMembership(1), Component.SAFEKEEPER, 4, OWNER).orElseThrow();
        ClusterSpec other = ClusterSpecParser.parse("other", "ns", new ObjectMapper().readTree("{\"image\": \"neon:1\"}"));
        PersistentVolumeClaim otherCluster = DataVolumeClaims.build(other, new EtcdMembership(1), Component.ETCD, 0, OWNER).orElseThrow();

        assertThat(observed(THREE, List.of(safekeeper, otherCluster), List.of())).isEqualTo(new EtcdMembership(3));
    }

    @Test
    void anAnnotationThatIsNotANumberOfMembersIsRefusedNamingTheClaim() {
        assertThatThrownBy(() -> observed(FIVE, List.of(annotated(1, "three")), List.of()))
                .isInstanceOf(InvalidEtcdBootstrapException.class)
                .hasMessage("volume claim demo-etcd-1-data: annotation neonops.io/etcd-bootstrap-members is \"three\", "
                        + "expected the number of etcd members the cluster was created with");
        assertThatThrownBy(() -> observed(FIVE, List.of(annotated(0, "0")), List.of()))
                .hasMessageStartingWith("volume claim demo-etcd-0-data: annotation neonops.io/etcd-bootstrap-members is \"0\"");
    }

    @Test
    void claimsThatDisagreeAreRefusedNamingEach() {
        assertThatThrownBy(() -> observed(FIVE, List.of(annotated(0, "1"), annotated(1, "1"), annotated(2, "3")), List.of()))
                .isInstanceOf(InvalidEtcdBootstrapException.class)
                .hasMessage("etcd volume claims disagree on neonops.io/etcd-bootstrap-members: demo-etcd-0-data says 1, "
                        + "demo-etcd-1-data says 1, demo-etcd-2-data says 3; set it to the number of members the cluster "
                        + "was created with");
    }
}

package io.neonops.operator.resources;

import static io.neonops.operator.testing.SpecFixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.neonops.controlplane.component.Component;
import org.junit.jupiter.api.Test;

class SpecHashTest {

    private static String hash(String extraSpecYaml, Component component) {
        Pod pod = resources(extraSpecYaml).pods(component).get(0);
        return pod.getMetadata().getAnnotations().get(SpecHash.ANNOTATION);
    }

    /**
     * Pinned: a change of this value rolls every pod of every cluster once the operator is upgraded. Change it only
     * on purpose, and say so in the release notes.
     */
    @Test
    void hashOfAFixedClusterIsPinned() {
        String spec = "pageserver: {resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {memory: 2Gi}}}";

        assertThat(hash(spec, Component.ETCD)).isEqualTo("4932730e67d5fccb");
        assertThat(hash(spec, Component.PAGESERVER)).isEqualTo("bf377a57ae4eaa63");
        assertThat(hash(spec, Component.SAFEKEEPER)).isEqualTo("04eb5425cdb5b5d0");
    }

    @Test
    void quantitiesHashByValueNotBySpelling() {
        String binary = "pageserver: {resources: {requests: {cpu: 500m, memory: 1Gi}}}";
        String respelled = "pageserver: {resources: {requests: {cpu: '0.5', memory: 1024Mi}}}";

        assertThat(hash(respelled, Component.PAGESERVER)).isEqualTo(hash(binary, Component.PAGESERVER));
    }

    @Test
    void sameSpecGivesTheSameHash() {
        assertThat(hash("", Component.SAFEKEEPER)).hasSize(16).isEqualTo(hash("", Component.SAFEKEEPER));
    }

    @Test
    void newImageChangesTheHashOfNeonPodsButNotOfEtcd() {
        String other = "image: neon:2\n";

        assertThat(hash(other, Component.SAFEKEEPER)).isNotEqualTo(hash("", Component.SAFEKEEPER));
        assertThat(hash(other, Component.ETCD)).isEqualTo(hash("", Component.ETCD));
    }

    @Test
    void pageserverConfigChangesTheHashThoughThePodSpecIsTheSame() {
        String changed = "pageserver: {config: {gc_horizon: 1}}";

        assertThat(resources(changed).pods(Component.PAGESERVER).get(0).getSpec())
                .isEqualTo(resources("").pods(Component.PAGESERVER).get(0).getSpec());
        assertThat(hash(changed, Component.PAGESERVER)).isNotEqualTo(hash("", Component.PAGESERVER));
    }

    @Test
    void addingSafekeepersKeepsTheirHashAndAddingEtcdMembersChangesThePageservers() {
        assertThat(hash("safekeepers: {replicas: 5}", Component.SAFEKEEPER)).isEqualTo(hash("", Component.SAFEKEEPER));
        assertThat(hash("etcd: {replicas: 3}", Component.PAGESERVER)).isNotEqualTo(hash("", Component.PAGESERVER));
    }

    @Test
    void newResourcesChangeTheHashOfThatComponentOnly() {
        String more = "safekeepers: {resources: {requests: {cpu: 2}}}";

        assertThat(hash(more, Component.SAFEKEEPER)).isNotEqualTo(hash("", Component.SAFEKEEPER));
        assertThat(hash(more, Component.PAGESERVER)).isEqualTo(hash("", Component.PAGESERVER));
    }

    @Test
    void addingAPostgresMajorChangesTheHashOfThePageserversOnly() {
        String added = "postgres: {versions: [14, 15], defaultVersion: 14}";
        String before = "postgres: {versions: [14], defaultVersion: 14}";

        assertThat(hash(added, Component.PAGESERVER)).isNotEqualTo(hash(before, Component.PAGESERVER));
        assertThat(hash(added, Component.SAFEKEEPER)).isEqualTo(hash(before, Component.SAFEKEEPER));
        assertThat(hash(added, Component.ETCD)).isEqualTo(hash(before, Component.ETCD));
    }

    @Test
    void changingOnlyTheDefaultPostgresVersionChangesNoHash() {
        String default14 = "postgres: {versions: [14, 15], defaultVersion: 14}";
        String default15 = "postgres: {versions: [14, 15], defaultVersion: 15}";

        for (Component component : Component.startOrder(resources(default14).cluster())) {
            assertThat(hash(default15, component)).as(component.id()).isEqualTo(hash(default14, component));
        }
    }
}

package io.neonops.chart;

import static io.neonops.chart.NeonOperatorChart.NAMESPACE;
import static io.neonops.chart.NeonOperatorChart.RELEASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RbacTemplateTest {

    private static final List<String> READ_WRITE = List.of("get", "list", "watch", "create", "update", "patch", "delete");

    /** What the operator's contract says it does; the code-derived check comes with the operator's controllers. */
    private static final Set<Grant> OPERATOR_GRANTS = union(
            Grant.all(List.of("neonops.io"), List.of("neonclusters"), List.of("get", "list", "watch", "patch", "update")),
            Grant.all(List.of("neonops.io"), List.of("neonclusters/status"), List.of("get", "patch", "update")),
            Grant.all(List.of("neonops.io"), List.of("neonclusters/finalizers"), List.of("update")),
            Grant.all(List.of(""), List.of("pods", "persistentvolumeclaims", "services", "configmaps"), READ_WRITE),
            Grant.all(List.of("policy"), List.of("poddisruptionbudgets"), READ_WRITE),
            Grant.all(List.of(""), List.of("secrets"), List.of("get", "list", "watch")),
            Grant.all(List.of("", "events.k8s.io"), List.of("events"), List.of("create", "patch")));

    private static final Set<Grant> LEASE_GRANTS = Grant.all(List.of("coordination.k8s.io"), List.of("leases"),
            List.of("get", "list", "watch", "create", "update", "patch"));

    private static final String LEADER_ELECTION_ROLE = RELEASE + "-leader-election";

    @Test
    void clusterRoleGrantsExactlyWhatTheOperatorUses() {
        ObjectNode clusterRole = NeonOperatorChart.render(ValuesOverride.DEFAULTS).one("ClusterRole", RELEASE);

        assertThat(Grant.ofRules(clusterRole.path("rules"))).containsExactlyInAnyOrderElementsOf(OPERATOR_GRANTS);
    }

    @Test
    void clusterRoleIsBoundToTheOperatorServiceAccount() {
        Manifests manifests = NeonOperatorChart.render(ValuesOverride.DEFAULTS);
        ObjectNode binding = manifests.one("ClusterRoleBinding", RELEASE);

        assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("ClusterRole");
        assertThat(binding.at("/roleRef/name").asText()).isEqualTo(RELEASE);
        assertBindsOperatorServiceAccount(binding, manifests);
    }

    @Test
    void watchNamespacesGetsOneRoleAndBindingPerNamespaceWithTheClusterRoleRules() {
        Manifests manifests = NeonOperatorChart.render(TypicalOverrides.WATCH_NAMESPACES);
        JsonNode clusterRules = NeonOperatorChart.render(ValuesOverride.DEFAULTS).one("ClusterRole", RELEASE).path("rules");

        assertThat(manifests.ofKind("ClusterRole")).isEmpty();
        assertThat(manifests.ofKind("ClusterRoleBinding")).isEmpty();
        List<ObjectNode> operatorRoles = manifests.ofKind("Role").stream()
                .filter(role -> role.at("/metadata/name").asText().equals(RELEASE))
                .toList();
        assertThat(operatorRoles).extracting(role -> role.at("/metadata/namespace").asText())
                .containsExactlyInAnyOrder("team-a", "team-b");
        assertThat(operatorRoles).allSatisfy(role -> assertThat(role.path("rules")).isEqualTo(clusterRules));
        List<ObjectNode> operatorBindings = manifests.ofKind("RoleBinding").stream()
                .filter(binding -> binding.at("/roleRef/name").asText().equals(RELEASE))
                .toList();
        assertThat(operatorBindings).extracting(binding -> binding.at("/metadata/namespace").asText())
                .containsExactlyInAnyOrder("team-a", "team-b");
        assertThat(operatorBindings).allSatisfy(binding -> assertBindsOperatorServiceAccount(binding, manifests));
    }

    @Test
    void leaseRoleLivesInTheReleaseNamespaceAndGrantsOnlyLeases() {
        Manifests manifests = NeonOperatorChart.render(ValuesOverride.DEFAULTS);
        ObjectNode role = manifests.one("Role", LEADER_ELECTION_ROLE);
        ObjectNode binding = manifests.one("RoleBinding", LEADER_ELECTION_ROLE);

        assertThat(role.at("/metadata/namespace").asText()).isEqualTo(NAMESPACE);
        assertThat(Grant.ofRules(role.path("rules"))).containsExactlyInAnyOrderElementsOf(LEASE_GRANTS);
        assertThat(binding.at("/metadata/namespace").asText()).isEqualTo(NAMESPACE);
        assertThat(binding.at("/roleRef/name").asText()).isEqualTo(LEADER_ELECTION_ROLE);
        assertBindsOperatorServiceAccount(binding, manifests);
    }

    @Test
    void leaseRoleFollowsTheLeaseNamespace() {
        Manifests manifests = NeonOperatorChart.render(TypicalOverrides.LEASE_ELSEWHERE);

        assertThat(manifests.one("Role", LEADER_ELECTION_ROLE).at("/metadata/namespace").asText()).isEqualTo("operators");
        assertThat(manifests.one("RoleBinding", LEADER_ELECTION_ROLE).at("/metadata/namespace").asText())
                .isEqualTo("operators");
    }

    @Test
    void noLeaseAccessWithoutLeaderElection() {
        Manifests manifests = NeonOperatorChart.render(TypicalOverrides.LEADER_ELECTION_OFF);

        assertThat(manifests.ofKind("Role")).isEmpty();
        assertThat(manifests.ofKind("RoleBinding")).isEmpty();
        assertThat(manifests.ofKind("ClusterRole")).hasSize(1);
    }

    @Test
    void createsNoRbacAndNoServiceAccountWhenManagedElsewhere() {
        Manifests manifests = NeonOperatorChart.render(TypicalOverrides.NO_CRDS_NO_RBAC);

        assertThat(manifests.ofKind("ClusterRole")).isEmpty();
        assertThat(manifests.ofKind("ClusterRoleBinding")).isEmpty();
        assertThat(manifests.ofKind("Role")).isEmpty();
        assertThat(manifests.ofKind("RoleBinding")).isEmpty();
        assertThat(manifests.ofKind("ServiceAccount")).isEmpty();
        assertThat(manifests.deployment().at("/spec/template/spec/serviceAccountName").asText())
                .isEqualTo("platform-operator");
    }

    private static void assertBindsOperatorServiceAccount(ObjectNode binding, Manifests manifests) {
        String serviceAccount = manifests.one("ServiceAccount", RELEASE).at("/metadata/name").asText();
        JsonNode subjects = binding.path("subjects");
        assertThat(subjects).hasSize(1);
        assertThat(subjects.get(0).path("kind").asText()).isEqualTo("ServiceAccount");
        assertThat(subjects.get(0).path("name").asText()).isEqualTo(serviceAccount);
        assertThat(subjects.get(0).path("namespace").asText()).isEqualTo(NAMESPACE);
        assertThat(manifests.deployment().at("/spec/template/spec/serviceAccountName").asText()).isEqualTo(serviceAccount);
    }

    @SafeVarargs
    private static Set<Grant> union(Set<Grant>... sets) {
        Set<Grant> union = new HashSet<>();
        for (Set<Grant> set : sets) {
            union.addAll(set);
        }
        return union;
    }
}

package io.neonops.chart;

import static io.neonops.chart.NeonOperatorChart.NAMESPACE;
import static io.neonops.chart.NeonOperatorChart.RELEASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neonops.operator.rbac.ApiPermission;
import io.neonops.operator.rbac.RequiredPermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacTemplateTest {

    /** Derived from the operator's registered controller, not kept by hand. */
    private static final RequiredPermissions REQUIRED = OperatorUnderTest.requiredPermissions();

    private static final String LEADER_ELECTION_ROLE = RELEASE + "-leader-election";

    @Test
    void clusterRoleGrantsExactlyWhatTheOperatorUsesNothingMissingNothingExtra() {
        ObjectNode clusterRole = NeonOperatorChart.render(ValuesOverride.DEFAULTS).one("ClusterRole", RELEASE);

        assertThat(RbacRules.permissions(clusterRole.path("rules")))
                .containsExactlyInAnyOrderElementsOf(REQUIRED.inWatchedNamespaces());
    }

    @Test
    void theDerivedPermissionsCoverTheControllersKindsAndTheLease() {
        assertThat(REQUIRED.inWatchedNamespaces()).extracting(ApiPermission::toString).contains(
                "watch neonops.io/neonclusters", "patch neonops.io/neonclusters/status", "watch pods", "create pods",
                "watch policy/poddisruptionbudgets", "create events.k8s.io/events");
        assertThat(REQUIRED.inLeaseNamespace()).extracting(ApiPermission::resource).containsOnly("leases");
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
        assertThat(RbacRules.permissions(role.path("rules"))).containsExactlyInAnyOrderElementsOf(REQUIRED.inLeaseNamespace());
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
}

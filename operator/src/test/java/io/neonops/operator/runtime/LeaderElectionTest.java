package io.neonops.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaderElectionTest {

    @Test
    void leaseNamespaceComesFromTheFlagBeforePodNamespace() throws OperatorStartException {
        LeaderElection election = LeaderElection.resolve(Optional.of("operators"), "neon",
                Map.of(LeaderElection.POD_NAMESPACE, "neon-system"));

        assertThat(election.leaseNamespace()).isEqualTo("operators");
        assertThat(election.leaseName()).isEqualTo("neon");
    }

    @Test
    void leaseNamespaceDefaultsToThePodNamespace() throws OperatorStartException {
        LeaderElection election = LeaderElection.resolve(Optional.empty(), "neon",
                Map.of(LeaderElection.POD_NAMESPACE, "neon-system"));

        assertThat(election.leaseNamespace()).isEqualTo("neon-system");
    }

    @Test
    void refusesToGuessTheLeaseNamespace() {
        assertThatThrownBy(() -> LeaderElection.resolve(Optional.empty(), "neon", Map.of()))
                .isInstanceOf(OperatorStartException.class)
                .hasMessage("leader election needs the namespace of its Lease: set --leader-election-namespace or the "
                        + "POD_NAMESPACE environment variable, or turn it off with --leader-election=false");
    }

    @Test
    void identityNamesThePodAndDiffersBetweenProcessesOfTheSamePod() throws OperatorStartException {
        Map<String, String> env = Map.of("HOSTNAME", "neon-operator-7d9f-abcde", LeaderElection.POD_NAMESPACE, "ns");

        String first = LeaderElection.resolve(Optional.empty(), "neon", env).identity();
        String second = LeaderElection.resolve(Optional.empty(), "neon", env).identity();

        assertThat(first).startsWith("neon-operator-7d9f-abcde_");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void refusesAnEmptyLeaseName() {
        assertThatThrownBy(() -> LeaderElection.resolve(Optional.of("ns"), " ", Map.of()))
                .hasMessage("--leader-election-lease-name: must not be empty");
    }
}

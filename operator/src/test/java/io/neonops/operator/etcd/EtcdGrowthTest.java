package io.neonops.operator.etcd;

import static io.neonops.operator.etcd.EtcdPods.ENV;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EtcdGrowthTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofHours(1));

    private static Optional<NextMember> next(EtcdPods pods) {
        return EtcdGrowth.next(pods.desired(), ENV, pods.observed(), NOW);
    }

    @Test
    void nothingJoinsWhenEveryLaterMemberHasItsPod() {
        assertThat(next(EtcdPods.of(3, 1).ready(0).ready(1).starting(2))).isEmpty();
    }

    @Test
    void missingPodsOfBootstrapMembersAreNoJoin() {
        assertThat(next(EtcdPods.of(3, 3))).isEmpty();
        assertThat(next(EtcdPods.of(5, 3).ready(1).ready(3).ready(4))).isEmpty();
    }

    @Test
    void theLowestMissingMemberJoinsFirstAndTheOthersWaitForLaterPasses() {
        NextMember next = next(EtcdPods.of(5, 1).readySince(0, LONG_AGO)).orElseThrow();

        assertThat(next.index()).isEqualTo(1);
        assertThat(next.pod()).isEqualTo("demo-etcd-1");
        assertThat(next.peerUrl()).isEqualTo("http://demo-etcd-1.demo-etcd.ns.svc.cluster.local:2380");
        assertThat(next.clientUrls()).containsExactly("http://demo-etcd-0.demo-etcd.ns.svc.cluster.local:2379");
        assertThat(next.waitsFor()).isEmpty();
        assertThat(next.later()).containsExactly("demo-etcd-2", "demo-etcd-3", "demo-etcd-4");
    }

    @Test
    void theNewMemberAsksEveryMemberBeforeIt() {
        NextMember next = next(EtcdPods.of(5, 3).ready(0).ready(1).ready(2)).orElseThrow();

        assertThat(next.index()).isEqualTo(3);
        assertThat(next.clientUrls()).containsExactly("http://demo-etcd-0.demo-etcd.ns.svc.cluster.local:2379",
                "http://demo-etcd-1.demo-etcd.ns.svc.cluster.local:2379", "http://demo-etcd-2.demo-etcd.ns.svc.cluster.local:2379");
        assertThat(next.later()).containsExactly("demo-etcd-4");
    }

    @Test
    void aMemberBeforeItThatIsNotReadyHoldsItBack() {
        assertThat(next(EtcdPods.of(3, 1).ready(0).starting(1)).orElseThrow().waitsFor())
                .contains(new AddWait("demo-etcd-1", Optional.empty()));
        assertThat(next(EtcdPods.of(3, 1).starting(0)).orElseThrow().waitsFor())
                .contains(new AddWait("demo-etcd-0", Optional.empty()));
    }

    @Test
    void aMemberBeforeItWithoutAPodHoldsItBack() {
        assertThat(next(EtcdPods.of(5, 3).ready(0).ready(2)).orElseThrow().waitsFor())
                .contains(new AddWait("demo-etcd-1", Optional.empty()));
    }

    @Test
    void membersThatJustBecameReadyHoldItBackUntilTheLastHasSettled() {
        EtcdPods pods = EtcdPods.of(5, 3).readySince(0, NOW.minusSeconds(1)).readySince(1, NOW.minusSeconds(3))
                .readySince(2, LONG_AGO);

        assertThat(next(pods).orElseThrow().waitsFor())
                .contains(new AddWait("demo-etcd-0", Optional.of(NOW.minusSeconds(1).plus(EtcdGrowth.SETTLE))));
    }

    @Test
    void aLostPodOfAJoinedMemberIsTheNextMemberToo() {
        NextMember next = next(EtcdPods.of(3, 1).ready(0).ready(2)).orElseThrow();

        assertThat(next.pod()).isEqualTo("demo-etcd-1");
        assertThat(next.later()).isEmpty();
    }

    @Test
    void theWaitSaysWhoForInTheStatus() {
        assertThat(new AddWait("demo-etcd-0", Optional.empty()).reason("demo-etcd-1"))
                .isEqualTo("etcd member demo-etcd-1 joins once demo-etcd-0 is Ready");
        assertThat(new AddWait("demo-etcd-0", Optional.of(NOW)).reason("demo-etcd-1"))
                .isEqualTo("etcd member demo-etcd-1 joins once demo-etcd-0 has been Ready for 5s");
    }
}

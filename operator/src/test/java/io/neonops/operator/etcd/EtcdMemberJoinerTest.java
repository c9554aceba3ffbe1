package io.neonops.operator.etcd;

import static io.neonops.operator.etcd.EtcdPods.ENV;
import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.controlplane.etcd.EtcdMembershipClient;
import io.neonops.controlplane.etcd.MemberAddition;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.storage.common.testing.FakeHttpServer;
import io.neonops.storage.common.testing.FakeHttpServer.RecordedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The membership step before a joining member's pod, against a fake etcd gateway. */
class EtcdMemberJoinerTest {

    private static final String LIST = EtcdMembershipClient.MEMBER_LIST_PATH;
    private static final String ADD = EtcdMembershipClient.MEMBER_ADD_PATH;
    private static final String PEER_1 = "http://demo-etcd-1.demo-etcd.ns.svc.cluster.local:2380";
    private static final String MEMBER_0 = """
            {"ID":"1","name":"demo-etcd-0","peerURLs":["http://demo-etcd-0.demo-etcd.ns.svc.cluster.local:2380"],
             "clientURLs":["http://demo-etcd-0.demo-etcd.ns.svc.cluster.local:2379"]}""";
    private static final String MEMBER_1 = "{\"ID\":\"2\",\"peerURLs\":[\"" + PEER_1 + "\"]}";

    private final FakeHttpServer etcd = FakeHttpServer.start();
    private final List<List<String>> connections = new ArrayList<>();
    private final EtcdMemberJoiner joiner = new EtcdMemberJoiner(urls -> {
        connections.add(urls);
        return EtcdMembershipClient.of(List.of(etcd.baseUri().toString()));
    }, KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN);

    @AfterEach
    void stop() {
        etcd.close();
    }

    private static NextMember next(EtcdPods pods) {
        return EtcdGrowth.next(pods.desired(), ENV, pods.observed(), Instant.now()).orElseThrow();
    }

    private static String members(String... members) {
        return "{\"members\":[" + String.join(",", members) + "]}";
    }

    @Test
    void aMemberTheClusterMayTakeIsAddedThroughTheMembersBeforeIt() {
        etcd.respond("POST", LIST, 200, members(MEMBER_0)).respond("POST", ADD, 200, "{\"member\":" + MEMBER_1 + "}");

        JoinOutcome outcome = joiner.prepare(next(EtcdPods.of(3, 1).ready(0)));

        assertThat(outcome).isInstanceOfSatisfying(JoinOutcome.Create.class, create ->
                assertThat(create.addition()).isInstanceOf(MemberAddition.Added.class));
        assertThat(outcome.podsToHold()).containsExactly("demo-etcd-2");
        assertThat(connections).containsExactly(List.of("http://demo-etcd-0.demo-etcd.ns.svc.cluster.local:2379"));
        assertThat(etcd.requests()).extracting(RecordedRequest::path).containsExactly(LIST, ADD);
        assertThat(etcd.requests().get(1).body()).contains(PEER_1);
    }

    @Test
    void aMemberTheClusterKnowsGetsItsPodEvenWhileAnotherIsNotReady() {
        etcd.respond("POST", LIST, 200, members(MEMBER_0, MEMBER_1));

        JoinOutcome outcome = joiner.prepare(next(EtcdPods.of(3, 1).starting(0)));

        assertThat(outcome).isInstanceOfSatisfying(JoinOutcome.Create.class, create ->
                assertThat(create.addition()).isInstanceOf(MemberAddition.AlreadyMember.class));
        assertThat(outcome.podsToHold()).containsExactly("demo-etcd-2");
        assertThat(etcd.requests()).extracting(RecordedRequest::path).containsExactly(LIST);
    }

    @Test
    void aNewMemberWaitsWhileAMemberBeforeItIsNotReady() {
        etcd.respond("POST", LIST, 200, members(MEMBER_0));

        JoinOutcome outcome = joiner.prepare(next(EtcdPods.of(3, 1).starting(0)));

        assertThat(outcome).isEqualTo(new JoinOutcome.Hold(outcome.next(),
                "etcd member demo-etcd-1 joins once demo-etcd-0 is Ready", Optional.empty()));
        assertThat(outcome.podsToHold()).containsExactly("demo-etcd-1", "demo-etcd-2");
        assertThat(etcd.requests()).extracting(RecordedRequest::path).containsExactly(LIST);
    }

    @Test
    void aMemberThatMustWaitIsHeldNotFailedWhenTheMembersItWaitsForDoNotAnswer() {
        EtcdMemberJoiner unreachable = new EtcdMemberJoiner(urls -> EtcdMembershipClient.of(List.of("http://127.0.0.1:1")),
                KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN);

        JoinOutcome outcome = unreachable.prepare(next(EtcdPods.of(3, 1).ready(2)));

        assertThat(outcome).isEqualTo(new JoinOutcome.Hold(outcome.next(),
                "etcd member demo-etcd-1 joins once demo-etcd-0 is Ready", Optional.empty()));
        assertThat(outcome.podsToHold()).containsExactly("demo-etcd-1");
    }

    @Test
    void aNewMemberWaitsUntilTheMemberBeforeItHasSettled() {
        etcd.respond("POST", LIST, 200, members(MEMBER_0));
        Instant ready = Instant.now();

        JoinOutcome outcome = joiner.prepare(next(EtcdPods.of(3, 1).readySince(0, ready)));

        assertThat(outcome).isInstanceOfSatisfying(JoinOutcome.Hold.class, hold -> {
            assertThat(hold.reason()).isEqualTo("etcd member demo-etcd-1 joins once demo-etcd-0 has been Ready for 5s");
            assertThat(hold.recheckAt()).contains(ready.plus(EtcdGrowth.SETTLE));
        });
    }

    @Test
    void anEtcdThatRefusesTheAddLeavesThePodUncreatedAndSaysWhy() {
        etcd.respond("POST", LIST, 200, members(MEMBER_0)).respond("POST", ADD, 503,
                "{\"error\":\"etcdserver: unhealthy cluster\",\"message\":\"etcdserver: unhealthy cluster\",\"code\":14}");

        JoinOutcome outcome = joiner.prepare(next(EtcdPods.of(3, 1).ready(0)));

        assertThat(outcome).isInstanceOfSatisfying(JoinOutcome.Failed.class, failed -> assertThat(failed.message())
                .isEqualTo("adding etcd member demo-etcd-1 (" + PEER_1 + ") failed: etcd at " + etcd.baseUri()
                        + " answered POST " + ADD + " with HTTP 503: etcdserver: unhealthy cluster"));
        assertThat(outcome.podsToHold()).containsExactly("demo-etcd-1", "demo-etcd-2");
    }
}

package io.neonops.controlplane.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.controlplane.testsupport.FreePorts;
import io.neonops.storage.common.testing.FakeHttpServer;
import io.neonops.storage.common.testing.FakeHttpServer.Answer;
import io.neonops.storage.common.testing.FakeHttpServer.RecordedRequest;
import io.neonops.storage.common.testing.JsonText;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The membership client's requests, answers and errors, against a fake etcd gateway. */
class EtcdMembershipClientTest {

    private static final String LIST = EtcdMembershipClient.MEMBER_LIST_PATH;
    private static final String ADD = EtcdMembershipClient.MEMBER_ADD_PATH;
    private static final String NEW_PEER = "http://demo-etcd-1.demo-etcd.ns.svc.cluster.local:2380";
    /** What etcd 3.4.23 answers for a one-member cluster, header included. */
    private static final String ONE_MEMBER = """
            {"header":{"cluster_id":"17448609010643035951","member_id":"15101859335780327642","raft_term":"2"},
             "members":[{"ID":"15101859335780327642","name":"demo-etcd-0","peerURLs":["http://demo-etcd-0:2380"],
                         "clientURLs":["http://demo-etcd-0:2379"]}]}""";
    private static final String TWO_MEMBERS = """
            {"members":[{"ID":"8747772186481726961","peerURLs":["%s"]},
                        {"ID":"15101859335780327642","name":"demo-etcd-0","peerURLs":["http://demo-etcd-0:2380"],
                         "clientURLs":["http://demo-etcd-0:2379"]}]}""".formatted(NEW_PEER);
    private static final String ADDED = """
            {"header":{"cluster_id":"17448609010643035951"},"member":{"ID":"8747772186481726961","peerURLs":["%s"]}}"""
            .formatted(NEW_PEER);

    private final FakeHttpServer etcd = FakeHttpServer.start();

    @AfterEach
    void stop() {
        etcd.close();
    }

    private EtcdMembershipClient client(String... urls) {
        return new EtcdMembershipClient(List.of(urls), Duration.ofSeconds(5));
    }

    private String url() {
        return etcd.baseUri().toString();
    }

    private static String closedPort() {
        return "http://127.0.0.1:" + FreePorts.next();
    }

    private static String etcdError(String message, int grpcCode) {
        return "{\"error\":\"" + message + "\",\"message\":\"" + message + "\",\"code\":" + grpcCode + "}";
    }

    @Test
    void membersAreReadFromTheGatewaysListAnswer() {
        etcd.respond("POST", LIST, 200, TWO_MEMBERS);

        List<EtcdMember> members = client(url()).members();

        assertThat(members).containsExactly(
                new EtcdMember("8747772186481726961", "", List.of(NEW_PEER), List.of()),
                new EtcdMember("15101859335780327642", "demo-etcd-0", List.of("http://demo-etcd-0:2380"),
                        List.of("http://demo-etcd-0:2379")));
        assertThat(members).extracting(EtcdMember::started).containsExactly(false, true);
        assertThat(etcd.onlyRequest().body()).isEqualTo("{}");
    }

    @Test
    void anAbsentPeerIsAddedWithItsPeerUrlAfterTheList() {
        etcd.respond("POST", LIST, 200, ONE_MEMBER).respond("POST", ADD, 200, ADDED);

        MemberAddition addition = client(url()).ensureMember(NEW_PEER);

        assertThat(addition).isEqualTo(new MemberAddition.Added(
                new EtcdMember("8747772186481726961", "", List.of(NEW_PEER), List.of())));
        assertThat(etcd.requests()).extracting(RecordedRequest::path).containsExactly(LIST, ADD);
        assertThat(JsonText.tree(etcd.requests().get(1).body())).isEqualTo(JsonText.tree("{\"peerURLs\":[\"" + NEW_PEER + "\"]}"));
        assertThat(etcd.requests().get(1).header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void aKnownPeerIsNotAddedAgain() {
        etcd.respond("POST", LIST, 200, TWO_MEMBERS);

        MemberAddition addition = client(url()).ensureMember(NEW_PEER);

        assertThat(addition).isInstanceOf(MemberAddition.AlreadyMember.class);
        assertThat(addition.member().id()).isEqualTo("8747772186481726961");
        assertThat(etcd.requests()).extracting(RecordedRequest::path).containsExactly(LIST);
    }

    @Test
    void anAddThatMeetsItsOwnEarlierAddCountsAsDone() {
        AtomicInteger lists = new AtomicInteger();
        // the first list misses the member that an add with a lost answer has just created
        etcd.respondWith("POST", LIST, request -> new Answer(200, lists.getAndIncrement() == 0 ? ONE_MEMBER : TWO_MEMBERS))
                .respond("POST", ADD, 412, etcdError("etcdserver: Peer URLs already exists", 9));

        MemberAddition addition = client(url()).ensureMember(NEW_PEER);

        assertThat(addition).isInstanceOf(MemberAddition.AlreadyMember.class);
        assertThat(etcd.requests()).extracting(RecordedRequest::path).containsExactly(LIST, ADD, LIST);
    }

    @Test
    void aRefusedAddNamesTheEndpointAndEtcdsReason() {
        etcd.respond("POST", LIST, 200, ONE_MEMBER)
                .respond("POST", ADD, 503, etcdError("etcdserver: unhealthy cluster", 14));

        assertThatThrownBy(() -> client(url()).ensureMember(NEW_PEER))
                .isInstanceOfSatisfying(EtcdErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.etcdMessage()).isEqualTo("etcdserver: unhealthy cluster");
                })
                .hasMessage("etcd at " + url() + " answered POST " + ADD + " with HTTP 503: etcdserver: unhealthy cluster");
    }

    @Test
    void aPreconditionFailureForAnotherReasonIsReported() {
        etcd.respond("POST", LIST, 200, ONE_MEMBER)
                .respond("POST", ADD, 412, etcdError("etcdserver: Peer URLs already exists", 9));

        assertThatThrownBy(() -> client(url()).ensureMember(NEW_PEER))
                .isInstanceOf(EtcdErrorException.class)
                .hasMessageEndingWith("with HTTP 412: etcdserver: Peer URLs already exists");
        assertThat(etcd.requests()).extracting(RecordedRequest::path).containsExactly(LIST, ADD, LIST);
    }

    @Test
    void anEtcdWithoutTheV3GatewayPathIsReportedWithItsPlainAnswer() {
        etcd.respondRaw("POST", LIST, 404, "text/plain", "404 page not found\n");

        assertThatThrownBy(() -> client(url()).members())
                .hasMessage("etcd at " + url() + " answered POST " + LIST + " with HTTP 404: 404 page not found");
    }

    @Test
    void anAnswerThatIsNotEtcdsJsonIsReported() {
        etcd.respondRaw("POST", LIST, 200, "text/html", "<html>proxy login</html>");

        assertThatThrownBy(() -> client(url()).members())
                .isInstanceOf(EtcdErrorException.class)
                .hasMessageStartingWith("etcd at " + url() + " answered POST " + LIST + " with HTTP 200: a body that is not etcd's JSON: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anAddAnswerWithoutTheMemberIsReported() {
        etcd.respond("POST", LIST, 200, ONE_MEMBER).respond("POST", ADD, 200, "{\"header\":{}}");

        assertThatThrownBy(() -> client(url()).ensureMember(NEW_PEER))
                .isInstanceOf(EtcdErrorException.class)
                .hasMessageContaining("answered POST " + ADD + " with HTTP 200: a body that is not etcd's JSON: ")
                .hasMessageContaining("the answer names no added member");
    }

    @Test
    void anEndpointThatDoesNotAnswerIsSkipped() {
        etcd.respond("POST", LIST, 200, ONE_MEMBER);

        assertThat(client(closedPort(), url()).members()).extracting(EtcdMember::name).containsExactly("demo-etcd-0");
    }

    @Test
    void anEndpointThatAnswersTooLateIsSkipped() {
        FakeHttpServer other = FakeHttpServer.start().respond("POST", LIST, 200, ONE_MEMBER);
        try (other) {
            etcd.hang("POST", LIST);

            List<EtcdMember> members = new EtcdMembershipClient(List.of(url(), other.baseUri().toString()),
                    Duration.ofMillis(300)).members();

            assertThat(members).hasSize(1);
        }
    }

    @Test
    void whenNoEndpointAnswersEveryOneIsNamed() {
        String first = closedPort();
        String second = closedPort();

        assertThatThrownBy(() -> client(first, second).members())
                .isInstanceOf(EtcdUnreachableException.class)
                .hasMessage("no etcd endpoint answered POST " + LIST + ": " + first + ": connection refused (is the server running and listening there?); "
                        + second + ": connection refused (is the server running and listening there?)");
    }

    @Test
    void anUnknownHostIsNamed() {
        assertThatThrownBy(() -> client("http://no-such-etcd.invalid:2379").members())
                .hasMessage("no etcd endpoint answered POST " + LIST
                        + ": http://no-such-etcd.invalid:2379: unknown host no-such-etcd.invalid");
    }

    @Test
    void urlsThatAreNotHttpHostAndPortAreRefused() {
        assertThatThrownBy(() -> client("demo-etcd-0:2379"))
                .hasMessage("invalid etcd client URL \"demo-etcd-0:2379\": expected http://host:port");
        assertThatThrownBy(() -> client())
                .hasMessage("etcd client URLs are missing: expected at least one http://host:port");
        assertThatThrownBy(() -> client(url()).ensureMember("http://demo-etcd-1"))
                .hasMessage("invalid etcd peer URL \"http://demo-etcd-1\": expected http://host:port");
        assertThat(etcd.requests()).isEmpty();
    }
}

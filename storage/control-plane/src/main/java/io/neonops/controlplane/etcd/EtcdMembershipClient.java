package io.neonops.controlplane.etcd;

import io.neonops.storage.common.api.NeonApiTransport;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists and adds members of a running etcd cluster through its v3 JSON gateway, as {@code etcdctl member list}
 * and {@code member add} do. Like etcdctl it takes several client URLs and asks the first that answers, so one
 * member being down does not stop a membership change that the others can make. Thread-safe.
 */
public final class EtcdMembershipClient {

    public static final String MEMBER_LIST_PATH = "/v3/cluster/member/list";
    public static final String MEMBER_ADD_PATH = "/v3/cluster/member/add";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** What the gateway answers when a member with the peer URL exists (gRPC FailedPrecondition). */
    private static final int PRECONDITION_FAILED = 412;

    private final List<EtcdGateway> gateways;

    /**
     * @param clientUrls the cluster's client URLs, e.g. {@code http://demo-etcd-0.demo-etcd.ns.svc.cluster.local:2379}
     * @param timeout    how long to wait for a connection and for each answer
     */
    public EtcdMembershipClient(List<String> clientUrls, Duration timeout) {
        this(clientUrls, timeout, NeonApiTransport.newHttpClient(positive(timeout)));
    }

    /**
     * A client over a shared HTTP client, whose own connect timeout applies; {@code timeout} bounds each answer.
     */
    public EtcdMembershipClient(List<String> clientUrls, Duration timeout, HttpClient http) {
        if (clientUrls.isEmpty()) {
            throw new IllegalArgumentException("etcd client URLs are missing: expected at least one http://host:port");
        }
        positive(timeout);
        List<EtcdGateway> gateways = new ArrayList<>();
        clientUrls.forEach(url -> gateways.add(new EtcdGateway(httpUrl("etcd client URL", url), timeout, http)));
        this.gateways = List.copyOf(gateways);
    }

    private static Duration positive(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("etcd timeout must be positive, got " + timeout);
        }
        return timeout;
    }

    public static EtcdMembershipClient of(List<String> clientUrls) {
        return new EtcdMembershipClient(clientUrls, DEFAULT_TIMEOUT);
    }

    /** The cluster's members, started or not. */
    public List<EtcdMember> members() {
        return call(MEMBER_LIST_PATH, Map.of(), MemberListResponse.class).members();
    }

    /**
     * Makes the cluster know a member with {@code peerUrl}, the step that must precede starting that member with
     * {@code --initial-cluster-state existing}: lists the members first and adds one only when none has the peer URL,
     * so calling it again, e.g. after a lost answer, changes nothing.
     */
    public MemberAddition ensureMember(String peerUrl) {
        httpUrl("etcd peer URL", peerUrl);
        Optional<EtcdMember> existing = withPeerUrl(peerUrl);
        if (existing.isPresent()) {
            return new MemberAddition.AlreadyMember(existing.get());
        }
        try {
            return new MemberAddition.Added(
                    call(MEMBER_ADD_PATH, new MemberAddRequest(List.of(peerUrl)), MemberAddResponse.class).member());
        } catch (EtcdErrorException e) {
            // an add whose answer was lost on the way, retried at the next endpoint, meets its own member
            if (e.status() == PRECONDITION_FAILED) {
                Optional<EtcdMember> meanwhile = withPeerUrl(peerUrl);
                if (meanwhile.isPresent()) {
                    return new MemberAddition.AlreadyMember(meanwhile.get());
                }
            }
            throw e;
        }
    }

    private Optional<EtcdMember> withPeerUrl(String peerUrl) {
        return members().stream().filter(m -> m.peerUrls().contains(peerUrl)).findFirst();
    }

    /** Asks each endpoint in turn until one answers; an answer, even an error, ends the search. */
    private <T> T call(String path, Object body, Class<T> answerType) {
        List<String> failures = new ArrayList<>();
        for (EtcdGateway gateway : gateways) {
            try {
                return gateway.post(path, body, answerType);
            } catch (EtcdUnreachableException e) {
                failures.add(e.getMessage());
            }
        }
        throw new EtcdUnreachableException("no etcd endpoint answered POST " + path + ": " + String.join("; ", failures), null);
    }

    private static URI httpUrl(String what, String url) {
        try {
            URI uri = new URI(url.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getPort() > 0) {
                return uri;
            }
        } catch (URISyntaxException invalid) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException("invalid " + what + " \"" + url + "\": expected http://host:port");
    }
}

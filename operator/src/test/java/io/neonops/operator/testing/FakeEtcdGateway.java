package io.neonops.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.neonops.controlplane.etcd.EtcdMembershipClient;
import io.neonops.operator.etcd.EtcdConnector;
import io.neonops.operator.status.NodeHealth;
import io.neonops.storage.common.testing.FakeHttpServer;
import io.neonops.storage.common.testing.FakeHttpServer.Answer;
import io.neonops.storage.common.testing.FakeHttpServer.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The v3 gateway of a running etcd cluster, as the operator reaches it through the members whose pods are Ready: a
 * member list that {@code member add} grows.
 * Each add is recorded with the pods that existed, and were Ready, at that moment, so that tests can check that
 * members join one at a time and only while the members before them serve.
 */
public final class FakeEtcdGateway implements AutoCloseable {

    /**
     * One {@code member add}.
     *
     * @param peerUrl the peer URL added
     * @param pods    the pods that existed when it was added
     * @param ready   the pods that were Ready when it was added
     */
    public record Addition(String peerUrl, Set<String> pods, Set<String> ready) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Port 1 on the loopback: connecting is refused at once. */
    private static final String NOBODY_LISTENS = "http://127.0.0.1:1";

    private final FakeHttpServer server = FakeHttpServer.start();
    private final Supplier<List<Pod>> pods;
    private final List<String> members = new ArrayList<>();
    private final List<Addition> additions = new ArrayList<>();
    private final List<List<String>> asked = new ArrayList<>();
    private Optional<String> refusal = Optional.empty();

    private FakeEtcdGateway(List<String> bootstrapPeerUrls, Supplier<List<Pod>> pods) {
        this.pods = pods;
        members.addAll(bootstrapPeerUrls);
        server.respondWith("POST", EtcdMembershipClient.MEMBER_LIST_PATH, request -> list());
        server.respondWith("POST", EtcdMembershipClient.MEMBER_ADD_PATH, this::add);
    }

    /** A cluster of the members with these peer URLs; {@code pods} lists the pods of the cluster's namespace. */
    public static FakeEtcdGateway start(List<String> bootstrapPeerUrls, Supplier<List<Pod>> pods) {
        return new FakeEtcdGateway(bootstrapPeerUrls, pods);
    }

    /**
     * The operator's way to this gateway, through the client URLs it asks for, which are recorded: as with a real
     * etcd, the gateway answers only if the pod of one of those members is Ready, and the connection is refused
     * otherwise.
     */
    public EtcdConnector connector() {
        return clientUrls -> {
            synchronized (this) {
                asked.add(List.copyOf(clientUrls));
            }
            Set<String> ready = new TreeSet<>();
            pods.get().stream().filter(NodeHealth::isReady).forEach(p -> ready.add(p.getMetadata().getName()));
            boolean answers = clientUrls.stream().map(url -> URI.create(url).getHost().split("\\.")[0])
                    .anyMatch(ready::contains);
            return EtcdMembershipClient.of(List.of(answers ? server.baseUri().toString() : NOBODY_LISTENS));
        };
    }

    /** From now on, {@code member add} fails as etcd does when it cannot take a member. */
    public synchronized void refuseAdds(String etcdMessage) {
        refusal = Optional.of(etcdMessage);
    }

    public synchronized void acceptAdds() {
        refusal = Optional.empty();
    }

    public synchronized List<Addition> additions() {
        return List.copyOf(additions);
    }

    /** The client URLs of each connection the operator opened, in order. */
    public synchronized List<List<String>> asked() {
        return List.copyOf(asked);
    }

    private synchronized Answer list() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("members");
        for (int i = 0; i < members.size(); i++) {
            list.add(member(i));
        }
        return new Answer(200, body.toString());
    }

    private synchronized Answer add(RecordedRequest request) {
        if (refusal.isPresent()) {
            ObjectNode error = JSON.createObjectNode().put("error", refusal.get()).put("message", refusal.get()).put("code", 14);
            return new Answer(503, error.toString());
        }
        String peerUrl = peerUrl(request);
        Set<String> existing = new TreeSet<>();
        Set<String> ready = new TreeSet<>();
        for (Pod pod : pods.get()) {
            existing.add(pod.getMetadata().getName());
            if (NodeHealth.isReady(pod)) {
                ready.add(pod.getMetadata().getName());
            }
        }
        additions.add(new Addition(peerUrl, existing, ready));
        members.add(peerUrl);
        ObjectNode body = JSON.createObjectNode();
        body.set("member", member(members.size() - 1));
        return new Answer(200, body.toString());
    }

    private ObjectNode member(int index) {
        ObjectNode member = JSON.createObjectNode().put("ID", Integer.toString(1000 + index));
        member.putArray("peerURLs").add(members.get(index));
        return member;
    }

    private static String peerUrl(RecordedRequest request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            return body.path("peerURLs").path(0).asText();
        } catch (IOException e) {
            throw new UncheckedIOException("member add with a body that is not JSON: " + request.body(), e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

package io.neonops.operator.testing;

import io.neonops.operator.safekeeper.SafekeeperConnector;
import io.neonops.safekeeper.api.SafekeeperClient;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.testing.FakeHttpServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The safekeepers of the clusters under test, one {@link FakeSafekeeper} per pod: the operator's connector sends each
 * call to the fake of the pod whose DNS name it asks for. A safekeeper no test has set up holds no timelines, so that
 * rolls of clusters that do not care go through.
 */
public final class FakeSafekeepers implements AutoCloseable {

    private final Map<String, FakeSafekeeper> byPod = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final URI nothingListening;

    private FakeSafekeepers() {
        try (FakeHttpServer closed = FakeHttpServer.start()) {
            nothingListening = closed.baseUri();
        }
    }

    public static FakeSafekeepers start() {
        return new FakeSafekeepers();
    }

    /** The fake of safekeeper pod {@code pod} ({@code <cluster>-safekeeper-<index>}) in {@code namespace}. */
    public FakeSafekeeper of(String namespace, String pod) {
        return byPod.computeIfAbsent(namespace + "/" + pod,
                key -> new FakeSafekeeper(Long.parseLong(pod.substring(pod.lastIndexOf('-') + 1)) + 1));
    }

    /** Sends each call to the fake of the pod it is for, with the operator's timeouts. */
    public SafekeeperConnector connector() {
        return settings -> {
            String[] labels = settings.baseUri().getHost().split("\\.");
            String namespace = labels.length > 2 ? labels[2] : "";
            asked.add(namespace + "/" + labels[0]);
            URI target = of(namespace, labels[0]).baseUriOr(nothingListening);
            return new SafekeeperClient(new ApiClientSettings(target, settings.connectTimeout(),
                    settings.requestTimeout(), settings.bearerToken(), settings.maxResponseBytes()));
        };
    }

    /** The safekeeper pods in {@code namespace} the operator asked, in order, once per client it opened. */
    public List<String> asked(String namespace) {
        return asked.stream().filter(key -> key.startsWith(namespace + "/"))
                .map(key -> key.substring(namespace.length() + 1)).toList();
    }

    @Override
    public void close() {
        byPod.values().forEach(FakeSafekeeper::close);
    }
}

package io.neonops.operator.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.neonops.operator.resources.SpecHash;
import io.neonops.operator.status.NodeHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Plays the kubelet for the pods of one namespace of the mock API server: marks each pod Ready a while after
 * it is created, unless it is one that never starts (a broken image, say). It also records every deletion
 * of a pod with the pods that were Ready at that moment, as a watch sees them, so that tests can check the
 * order of restarts and that no quorum was broken.
 */
public final class FakeKubelet implements AutoCloseable {

    /**
     * One pod deletion.
     *
     * @param pod        the pod's name
     * @param uid        the uid of the pod object deleted
     * @param specHash   the spec hash it was created with
     * @param readyOthers the other pods that were Ready just before it went
     */
    public record Deletion(String pod, String uid, String specHash, Set<String> readyOthers) {
    }

    private final KubernetesClient client;
    private final String namespace;
    private final Duration readyAfter;
    private final Predicate<Pod> neverReady;
    private final Consumer<Pod> starting;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fake-kubelet");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Pod> pods = new LinkedHashMap<>();
    private final List<Deletion> deletions = new ArrayList<>();
    private final Watch watch;

    private FakeKubelet(KubernetesClient client, String namespace, Duration readyAfter, Predicate<Pod> neverReady,
                        Consumer<Pod> starting) {
        this.client = client;
        this.namespace = namespace;
        this.readyAfter = readyAfter;
        this.neverReady = neverReady;
        this.starting = starting;
        this.watch = client.pods().inNamespace(namespace).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                observe(action, pod);
            }

            @Override
            public void onClose(WatcherException cause) {
                // the test is over, or the mock server stopped; nothing to do either way
            }
        });
    }

    /** Starts watching {@code namespace}; start it before the pods are created, so it sees each of them. */
    public static FakeKubelet start(KubernetesClient client, String namespace, Duration readyAfter, Predicate<Pod> neverReady) {
        return start(client, namespace, readyAfter, neverReady, pod -> { });
    }

    /** As {@link #start(KubernetesClient, String, Duration, Predicate)}, doing {@code starting} to each pod just before it is Ready. */
    public static FakeKubelet start(KubernetesClient client, String namespace, Duration readyAfter, Predicate<Pod> neverReady,
                                    Consumer<Pod> starting) {
        return new FakeKubelet(client, namespace, readyAfter, neverReady, starting);
    }

    /** The deletions so far, in the order the API server made them. */
    public synchronized List<Deletion> deletions() {
        return List.copyOf(deletions);
    }

    /** The spec hash of each pod now, by name. */
    public synchronized Map<String, String> specHashes() {
        Map<String, String> hashes = new LinkedHashMap<>();
        pods.forEach((name, pod) -> hashes.put(name, NodeHealth.specHash(pod)));
        return hashes;
    }

    private synchronized void observe(Watcher.Action action, Pod pod) {
        String name = pod.getMetadata().getName();
        switch (action) {
            case ADDED -> {
                pods.put(name, pod);
                if (!NodeHealth.isReady(pod) && !neverReady.test(pod)) {
                    String uid = pod.getMetadata().getUid();
                    scheduler.schedule(() -> markReady(name, uid), readyAfter.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            case MODIFIED -> pods.put(name, pod);
            case DELETED -> {
                pods.remove(name);
                Set<String> ready = new TreeSet<>();
                pods.values().stream().filter(NodeHealth::isReady).forEach(p -> ready.add(p.getMetadata().getName()));
                deletions.add(new Deletion(name, pod.getMetadata().getUid(),
                        pod.getMetadata().getAnnotations().get(SpecHash.ANNOTATION), ready));
            }
            default -> {
                // bookmarks and errors say nothing about the pods
            }
        }
    }

    /** Marks the pod Ready if it is still the one that was created. */
    private void markReady(String name, String uid) {
        try {
            Pod pod = client.pods().inNamespace(namespace).withName(name).get();
            if (pod != null && uid.equals(pod.getMetadata().getUid())) {
                starting.accept(pod);
                setReady(client, pod);
            }
        } catch (KubernetesClientException e) {
            // deleted in between: the pod that replaces it is marked when it is added
        }
    }

    /** Sets the status a kubelet sets once the pod's containers run and its readiness probe passes. */
    public static void setReady(KubernetesClient client, Pod pod) {
        pod.setStatus(new PodStatusBuilder()
                .withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewCondition().withType("ContainersReady").withStatus("True").endCondition()
                .build());
        client.resource(pod).updateStatus();
    }

    @Override
    public void close() {
        watch.close();
        scheduler.shutdownNow();
    }
}

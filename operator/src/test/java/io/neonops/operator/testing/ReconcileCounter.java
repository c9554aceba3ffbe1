package io.neonops.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the finished reconciliations of each cluster, through the SDK's metrics hook. */
public final class ReconcileCounter implements Metrics {

    private final Map<String, AtomicInteger> finished = new ConcurrentHashMap<>();

    @Override
    public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
        finished.computeIfAbsent(key(resource.getMetadata().getNamespace(), resource.getMetadata().getName()),
                k -> new AtomicInteger()).incrementAndGet();
    }

    public int finished(String namespace, String name) {
        AtomicInteger count = finished.get(key(namespace, name));
        return count == null ? 0 : count.get();
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}

package io.neonops.operator.upgrade;

import io.neonops.controlplane.component.Component;
import io.neonops.storage.common.PgMajorVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observed cluster states for the tests, named {@code demo}: every pod starts Ready on the old spec (hash
 * {@code old}, {@link #OLD}) and the cluster wants the new one (hash {@code new}, {@link #NEW}).
 */
final class Clusters {

    static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    static final Instant LONG_AGO = NOW.minus(Duration.ofDays(3));
    static final String OLD_HASH = "old";
    static final String NEW_HASH = "new";
    static final SpecSummary OLD = new SpecSummary("neondatabase/neon:4270", List.of(PgMajorVersion.V16));
    static final SpecSummary NEW = new SpecSummary("neondatabase/neon:4300", List.of(PgMajorVersion.V16, PgMajorVersion.V17));

    private final Map<String, ObservedPod> pods = new LinkedHashMap<>();
    private String desiredHash = NEW_HASH;
    private SpecSummary desiredSpec = NEW;

    private Clusters() {
    }

    static Clusters demo(int etcd, int safekeepers, int pageservers) {
        Clusters cluster = new Clusters();
        for (PodRef ref : refs(etcd, safekeepers, pageservers)) {
            cluster.pods.put(ref.name(), new ObservedPod(ref, true, true, false, LONG_AGO, OLD_HASH, OLD, NEW_HASH));
        }
        return cluster;
    }

    /** The pods a cluster with these replica counts wants, in start order as the core would list them. */
    static List<PodRef> refs(int etcd, int safekeepers, int pageservers) {
        List<PodRef> refs = new ArrayList<>();
        for (Component component : List.of(Component.ETCD, Component.PAGESERVER, Component.SAFEKEEPER)) {
            int replicas = switch (component) {
                case ETCD -> etcd;
                case PAGESERVER -> pageservers;
                case SAFEKEEPER -> safekeepers;
                default -> throw new IllegalArgumentException(component + " is not in a 2022 cluster");
            };
            for (int i = 0; i < replicas; i++) {
                refs.add(ref(component, i));
            }
        }
        return refs;
    }

    static PodRef ref(Component component, int index) {
        return new PodRef(component, index, "demo-" + component.id() + "-" + index);
    }

    /** These pods already run the new spec and are Ready. */
    Clusters updated(String... names) {
        for (String name : names) {
            put(new ObservedPod(pod(name).pod(), true, true, false, LONG_AGO, NEW_HASH, NEW, desiredHash));
        }
        return this;
    }

    /** This pod was recreated on the desired spec {@code ago} and is not Ready yet. */
    Clusters restarted(String name, Duration ago) {
        put(Kubelet.recreated(pod(name), desiredSpec, NOW.minus(ago)));
        return this;
    }

    Clusters notReady(String... names) {
        for (String name : names) {
            ObservedPod p = pod(name);
            put(new ObservedPod(p.pod(), true, false, p.deleting(), p.createdAt(), p.currentSpecHash(), p.currentSpec(), p.desiredSpecHash()));
        }
        return this;
    }

    Clusters ready(String name) {
        put(Kubelet.readied(pod(name)));
        return this;
    }

    Clusters deleting(String name) {
        ObservedPod p = pod(name);
        put(new ObservedPod(p.pod(), true, p.ready(), true, p.createdAt(), p.currentSpecHash(), p.currentSpec(), p.desiredSpecHash()));
        return this;
    }

    Clusters missing(String name) {
        put(ObservedPod.missing(pod(name).pod(), desiredHash));
        return this;
    }

    /** The user changes the spec, e.g. back to the old one: every pod now wants {@code hash}. */
    Clusters desire(String hash, SpecSummary spec) {
        desiredHash = hash;
        desiredSpec = spec;
        pods.replaceAll((name, p) -> new ObservedPod(p.pod(), p.exists(), p.ready(), p.deleting(), p.createdAt(),
                p.currentSpecHash(), p.currentSpec(), hash));
        return this;
    }

    SpecSummary desiredSpec() {
        return desiredSpec;
    }

    List<ObservedPod> pods() {
        return List.copyOf(pods.values());
    }

    ObservedPod pod(String name) {
        ObservedPod pod = pods.get(name);
        if (pod == null) {
            throw new IllegalArgumentException("no pod " + name + " in " + pods.keySet());
        }
        return pod;
    }

    RollStep next() {
        return RollingUpgradePlanner.next(pods(), desiredSpec, TIMEOUT, NOW);
    }

    private void put(ObservedPod pod) {
        pods.put(pod.pod().name(), pod);
    }
}

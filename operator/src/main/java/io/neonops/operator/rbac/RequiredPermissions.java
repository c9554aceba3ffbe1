package io.neonops.operator.rbac;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.health.InformerWrappingEventSourceHealthIndicator;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything the operator asks of the API server, derived from its registered controller: the kinds come from
 * the controller's informers, the verbs from how each is used. This is the one place the chart's RBAC rules
 * are checked against (in both directions), so a new call to the API server starts here.
 * <p>
 * Not listed, because Kubernetes grants them to every authenticated user: {@code GET /version} and
 * {@link #GRANTED_TO_EVERY_USER}. The start-up check also reads the NeonCluster CRD when allowed, and skips
 * that check when not.
 *
 * @param inWatchedNamespaces (sorted) granted in every watched namespace (a ClusterRole when all are watched)
 * @param inLeaseNamespace    (sorted) granted in the namespace of the leader-election Lease only; empty without it
 */
public record RequiredPermissions(Set<ApiPermission> inWatchedNamespaces, Set<ApiPermission> inLeaseNamespace) {

    /** Informers list and then watch. */
    private static final String[] INFORMER_VERBS = {"list", "watch"};
    /**
     * What both writers of the reconcile package send for the kinds a cluster is made of: create, and patch
     * (server-side apply, or a JSON merge patch without it); a server-side apply of a new object also needs create.
     */
    private static final String[] WRITER_VERBS = {"create", "patch"};
    /** A rolling upgrade restarts a pod by deleting it; the reconciler recreates it on the new spec. */
    private static final Set<ApiPermission> POD_RESTARTS = ApiPermission.on(Pod.class, "delete");
    /**
     * The token for the pageservers' API of a cluster with auth on, read from the Secret its spec names when a
     * question for the pageservers comes up (removing a Postgres major); no informer, so no list or watch.
     */
    private static final Set<ApiPermission> API_TOKEN_SECRETS = ApiPermission.on(Secret.class, "get");
    /**
     * A cluster's PodMonitor, when asked for and the API server serves the kind: read with a GET (no informer, the
     * kind may be absent), written by both writers, deleted when the cluster stops asking for it.
     */
    private static final Set<ApiPermission> POD_MONITORS = ApiPermission.on(PodMonitor.class, "get", "create", "patch",
            "delete");
    /** One Event per decision, always a new one (events.k8s.io/v1). */
    private static final Set<ApiPermission> DECISION_EVENTS = ApiPermission.on(Event.class, "create");
    /**
     * The Kubernetes leader elector reads, creates and patches the Lease; the SDK refuses to start unless
     * create, update and get are allowed.
     */
    public static final Set<ApiPermission> LEASE = ApiPermission.on(Lease.class, "get", "create", "update", "patch");
    /**
     * What the operator uses without any grant of its own: Kubernetes' default {@code system:basic-user} role
     * lets every authenticated user review its own rules, which the SDK does before it campaigns for the Lease.
     */
    public static final Set<ApiPermission> GRANTED_TO_EVERY_USER =
            ApiPermission.on("authorization.k8s.io", "selfsubjectrulesreviews", "create");

    public RequiredPermissions {
        inWatchedNamespaces = Collections.unmodifiableSortedSet(new TreeSet<>(inWatchedNamespaces));
        inLeaseNamespace = Collections.unmodifiableSortedSet(new TreeSet<>(inLeaseNamespace));
    }

    /**
     * @param controller     the registered NeonCluster controller (it need not be started)
     * @param leaderElection whether the operator holds a Lease
     */
    public static RequiredPermissions of(RegisteredController<?> controller, boolean leaderElection) {
        return of(controller, List.of(), leaderElection);
    }

    /**
     * @param controller     the registered NeonCluster controller (it need not be started)
     * @param tenancy        the NeonTenant and NeonTimeline controllers, which write nothing but their own resources
     * @param leaderElection whether the operator holds a Lease
     */
    public static RequiredPermissions of(RegisteredController<?> controller, List<RegisteredController<?>> tenancy,
                                         boolean leaderElection) {
        SortedSet<ApiPermission> namespaced = new TreeSet<>(clusterController(controller));
        for (RegisteredController<?> resource : tenancy) {
            Class<? extends HasMetadata> primary = resource.getConfiguration().getResourceClass();
            // they only read the other kinds (clusters, tenants), through informers
            informerKinds(resource).forEach(kind -> namespaced.addAll(ApiPermission.on(kind, INFORMER_VERBS)));
            // the SDK adds and removes the finalizer with a patch, and reads the resource again on a conflict
            namespaced.addAll(ApiPermission.on(primary, "get", "patch"));
            namespaced.addAll(ApiPermission.onSubresource(primary, "status", "patch"));
        }
        return new RequiredPermissions(namespaced, leaderElection ? LEASE : Set.of());
    }

    private static List<Class<? extends HasMetadata>> informerKinds(RegisteredController<?> controller) {
        List<Class<? extends HasMetadata>> kinds = new ArrayList<>();
        for (InformerWrappingEventSourceHealthIndicator<?> informer
                : controller.getControllerHealthInfo().informerEventSourceHealthIndicators().values()) {
            kinds.add(((EventSource<?, ?>) informer).resourceType().asSubclass(HasMetadata.class));
        }
        return kinds;
    }

    private static Set<ApiPermission> clusterController(RegisteredController<?> controller) {
        Class<? extends HasMetadata> primary = controller.getConfiguration().getResourceClass();
        SortedSet<ApiPermission> namespaced = new TreeSet<>();
        for (Class<? extends HasMetadata> kind : informerKinds(controller)) {
            namespaced.addAll(ApiPermission.on(kind, INFORMER_VERBS));
            if (!kind.equals(primary)) {
                // the operator watches exactly the kinds it creates, to see its own writes and what others change
                namespaced.addAll(ApiPermission.on(kind, WRITER_VERBS));
            }
        }
        // the reconciler patches the status subresource (server-side apply, or a JSON patch without it)
        namespaced.addAll(ApiPermission.onSubresource(primary, "status", "patch"));
        // owner references with blockOwnerDeletion need update on the owner's finalizers where the
        // OwnerReferencesPermissionEnforcement admission plugin is on (OpenShift)
        namespaced.addAll(ApiPermission.onSubresource(primary, "finalizers", "update"));
        namespaced.addAll(POD_RESTARTS);
        namespaced.addAll(DECISION_EVENTS);
        namespaced.addAll(API_TOKEN_SECRETS);
        namespaced.addAll(POD_MONITORS);
        return namespaced;
    }
}

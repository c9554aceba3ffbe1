package io.neonops.operator.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.neonops.controlplane.cluster.ClusterManifest;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.ManifestException;
import io.neonops.controller.api.ControllerPaths;
import io.neonops.controller.api.TenantConfigRequest;
import io.neonops.controller.api.TenantPolicyRequest;
import io.neonops.controller.api.TimelineCreateRequest;
import io.neonops.operator.cluster.DeletionPolicy;
import io.neonops.operator.pageserver.PageserverApiToken;
import io.neonops.operator.pageserver.PageserverTimelines;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.storcon.StorageControllerAddress;
import io.neonops.operator.timeline.DesiredTimeline;
import io.neonops.operator.timeline.NeonTimeline;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import io.neonops.storage.common.api.ApiPaths;
import io.neonops.storage.common.api.NeonJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator would ask of the storage controller (or of the pageservers of a 2022 etcd-topology cluster) for
 * NeonTenant and NeonTimeline manifests, offline: the
 * requests, as YAML comment lines, so that {@code render} prints them after the cluster's objects in one valid YAML
 * stream. The tenants' clusters must be among the rendered ones, a timeline's tenant and parent among the manifests.
 */
public final class TenancyRequests {

    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    private TenancyRequests() {
    }

    /** Kinds this class renders, as {@code apiVersion} and {@code kind} of a document. */
    public static boolean renders(JsonNode document) {
        return ClusterManifest.API_VERSION.equals(document.path("apiVersion").asText())
                && (NeonTenant.KIND.equals(document.path("kind").asText())
                || NeonTimeline.KIND.equals(document.path("kind").asText()));
    }

    /**
     * @param clusters  the clusters rendered with them
     * @param documents NeonTenant and NeonTimeline documents, in any order
     * @throws ManifestException naming the resource whose cluster, tenant or parent is missing, or whose spec is refused
     */
    public static String render(List<ClusterSpec> clusters, List<JsonNode> documents, String clusterDomain)
            throws ManifestException {
        List<NeonTenant> tenants = new ArrayList<>();
        List<NeonTimeline> timelines = new ArrayList<>();
        for (JsonNode document : documents) {
            String kind = document.path("kind").asText();
            String where = kind + " " + document.path("metadata").path("name").asText("<no name>");
            if (!document.path("metadata").path("name").isTextual()) {
                throw new ManifestException(where + ": metadata.name is required");
            }
            String required = NeonTenant.KIND.equals(kind) ? "cluster" : "tenant";
            if (!document.path("spec").path(required).isTextual()) {
                throw new ManifestException(where + ": spec." + required + " is required");
            }
            try {
                if (NeonTenant.KIND.equals(kind)) {
                    tenants.add(withNamespace(KUBERNETES.convertValue(document, NeonTenant.class)));
                } else {
                    timelines.add(withNamespace(KUBERNETES.convertValue(document, NeonTimeline.class)));
                }
            } catch (IllegalArgumentException e) {
                throw new ManifestException(where + ": " + e.getMessage());
            }
        }
        StringBuilder out = new StringBuilder();
        for (NeonTenant tenant : tenants) {
            out.append(tenant(tenant, clusterOf(tenant, clusters), clusterDomain));
        }
        for (NeonTimeline timeline : timelines) {
            NeonTenant tenant = find(tenants, timeline.getMetadata().getNamespace(), timeline.getSpec().getTenant())
                    .orElseThrow(() -> new ManifestException(name(timeline) + ": spec.tenant: NeonTenant "
                            + timeline.getSpec().getTenant() + " is not among the manifests"));
            out.append(timeline(timeline, tenant, clusterOf(tenant, clusters), timelines));
        }
        return out.toString();
    }

    private static String tenant(NeonTenant tenant, ClusterSpec cluster, String clusterDomain) throws ManifestException {
        DesiredTenant desired;
        try {
            desired = DesiredTenant.of(tenant, cluster);
        } catch (InvalidTenantException e) {
            throw new ManifestException(name(tenant) + ": " + e.getMessage());
        }
        TenantId id = desired.id();
        if (cluster.storageController().isEmpty()) {
            int home = PageserverTenancy.home(id, cluster.pageserver().replicas());
            return "# " + name(tenant) + ": tenant " + id + " on NeonCluster " + cluster.name() + ", through its"
                    + " pageservers' 2022 API (no storage controller)\n"
                    + request("GET /v1/tenant on each pageserver", "adopted where it is listed")
                    + request("POST /v1/tenant " + json(io.neonops.pageserver.api.TenantCreateRequest.withId(id)) + " to "
                            + PageserverTimelines.uri(cluster, home, clusterDomain), "when no pageserver has it")
                    + request("PUT /v1/tenant/config " + json(PageserverTenancy.configRequest(desired)),
                            "on creation or adoption, and when spec.config differs from status.config")
                    + "#   deletion: " + (desired.deletionPolicy() == DeletionPolicy.DELETE
                    ? "its timelines, children first, then DELETE " + ApiPaths.tenant(id) + " on every safekeeper and POST "
                    + ApiPaths.tenant(id) + "/detach"
                    : "nothing in Neon (deletionPolicy Retain)") + "\n";
        }
        String storcon = StorageControllerAddress.settings(cluster, new KubernetesEnvironment(cluster, clusterDomain),
                new PageserverApiToken.NotNeeded()).baseUri().toString();
        return "# " + name(tenant) + ": tenant " + id + " on NeonCluster " + cluster.name() + ", through its storage"
                + " controller " + storcon + "\n"
                + request("GET " + ControllerPaths.tenant(id), "adopted when it exists")
                + request("POST /v1/tenant " + json(desired.createRequest()), "when it does not")
                + request("PUT /v1/tenant/config " + json(new TenantConfigRequest(id, desired.config())),
                        "when it exists with another configuration")
                + request("PUT " + ControllerPaths.tenant(id) + "/policy "
                        + json(TenantPolicyRequest.placement(desired.placement())), "when it exists with another placement")
                + "#   deletion: " + (desired.deletionPolicy() == DeletionPolicy.DELETE
                ? "its timelines, children first, then DELETE " + ApiPaths.tenant(id)
                : "nothing in Neon (deletionPolicy Retain)") + "\n";
    }

    private static String timeline(NeonTimeline timeline, NeonTenant tenant, ClusterSpec cluster,
                                   List<NeonTimeline> timelines) throws ManifestException {
        DesiredTimeline desired;
        try {
            desired = DesiredTimeline.of(timeline, cluster);
        } catch (InvalidTenantException e) {
            throw new ManifestException(name(timeline) + ": " + e.getMessage());
        }
        TenantId tenantId = DesiredTenant.idOf(tenant);
        String path = ApiPaths.timeline(tenantId, desired.id());
        StringBuilder out = new StringBuilder("# " + name(timeline) + ": timeline " + desired.id() + " of tenant "
                + tenantId + " (NeonTenant " + tenant.getMetadata().getName() + ")\n");
        out.append(cluster.storageController().isPresent() ? request("GET " + path, "adopted when it exists")
                : request("GET " + ApiPaths.tenant(tenantId) + "/timeline on the tenant's pageserver",
                "adopted when it is listed"));
        Object create;
        if (desired instanceof DesiredTimeline.Root root) {
            create = cluster.storageController().isPresent() ? new TimelineCreateRequest.Bootstrap(root.id(), root.major())
                    : io.neonops.pageserver.api.TimelineCreateRequest.root(Optional.of(root.id()), root.major());
        } else {
            DesiredTimeline.Branch branch = (DesiredTimeline.Branch) desired;
            NeonTimeline parent = find(timelines, timeline.getMetadata().getNamespace(), branch.parent())
                    .orElseThrow(() -> new ManifestException(name(timeline) + ": spec.parent: NeonTimeline "
                            + branch.parent() + " is not among the manifests"));
            TimelineId parentId = DesiredTimeline.idOf(parent);
            Optional<Lsn> lsn = Optional.empty();
            if (branch.point() instanceof DesiredTimeline.BranchPoint.AtLsn at) {
                lsn = Optional.of(at.lsn());
            } else if (branch.point() instanceof DesiredTimeline.BranchPoint.AtTime at) {
                out.append(request("GET " + ApiPaths.timeline(tenantId, parentId) + "/get_lsn_by_timestamp?timestamp="
                        + at.time(), "the branch point, once, when the branch does not exist"));
            }
            create = cluster.storageController().isPresent() ? new TimelineCreateRequest.Branch(desired.id(), parentId, lsn, false)
                    : io.neonops.pageserver.api.TimelineCreateRequest.branch(Optional.of(desired.id()), parentId, lsn);
        }
        boolean atTime = desired instanceof DesiredTimeline.Branch branch
                && branch.point() instanceof DesiredTimeline.BranchPoint.AtTime;
        out.append(request("POST " + ApiPaths.tenant(tenantId) + "/timeline " + json(create), atTime
                ? "when it does not, with ancestor_start_lsn the LSN that answer gives" : "when it does not"));
        out.append("#   deletion: ").append(DesiredTimeline.deletionPolicyOf(timeline) == DeletionPolicy.DELETE
                ? "DELETE " + path + (cluster.storageController().isPresent() ? "" : " on every safekeeper, then on the"
                + " pageserver,") + " once no timeline branches from it" : "nothing in Neon (deletionPolicy Retain)")
                .append('\n');
        return out.toString();
    }

    private static String request(String request, String when) {
        return "#   " + request + "   # " + when + "\n";
    }

    private static String json(Object body) {
        try {
            return NeonJson.writer().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body that does not serialise: " + e.getOriginalMessage(), e);
        }
    }

    private static ClusterSpec clusterOf(NeonTenant tenant, List<ClusterSpec> clusters) throws ManifestException {
        String namespace = tenant.getMetadata().getNamespace();
        String name = tenant.getSpec() == null ? null : tenant.getSpec().getCluster();
        ClusterSpec cluster = clusters.stream().filter(c -> c.namespace().equals(namespace) && c.name().equals(name))
                .findFirst().orElseThrow(() -> new ManifestException(name(tenant) + ": spec.cluster: NeonCluster " + name
                        + " is not among the rendered clusters"));
        return cluster;
    }

    private static <R extends HasMetadata> Optional<R> find(List<R> resources, String namespace, String name) {
        return resources.stream().filter(r -> Objects.equals(r.getMetadata().getNamespace(), namespace)
                && r.getMetadata().getName().equals(name)).findFirst();
    }

    private static <R extends HasMetadata> R withNamespace(R resource) {
        if (resource.getMetadata().getNamespace() == null) {
            resource.getMetadata().setNamespace(ClusterManifest.DEFAULT_NAMESPACE);
        }
        return resource;
    }

    private static String name(HasMetadata resource) {
        return resource.getKind() + " " + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
    }
}

package io.neonops.operator.pageserver;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.NodePort;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.resources.ResourceNames;
import io.neonops.operator.upgrade.TimelineLookup;
import io.neonops.operator.upgrade.TimelinePgVersion;
import io.neonops.pageserver.api.PageserverClient;
import io.neonops.pageserver.api.TenantInfo;
import io.neonops.pageserver.api.TimelineInfo;
import io.neonops.pageserver.api.TimelineSizes;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.NeonApiException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Asks a cluster's pageservers which timelines they hold and in which Postgres major, at the address their
 * peers know them by (per-pod DNS name under the headless Service, HTTP port). This is the I/O edge of the
 * decision whether a Postgres major may be removed; anything short of a full answer is {@link
 * TimelineLookup.Unavailable} with the reason.
 *
 * @param connector     opens the client of one pageserver
 * @param clusterDomain the Kubernetes cluster's DNS domain
 */
public record PageserverTimelines(PageserverConnector connector, String clusterDomain) {

    /** Short, because a reconcile waits for the answer; a pageserver that is up answers these at once. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public PageserverTimelines {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(clusterDomain, "clusterDomain");
    }

    /**
     * Every timeline on the given pageservers.
     *
     * @param pageservers the indexes of the pageservers that may hold timelines (those with a pod or a volume)
     * @param token       what to present to their API
     */
    public TimelineLookup lookup(ClusterSpec cluster, Collection<Integer> pageservers, PageserverApiToken token) {
        if (token instanceof PageserverApiToken.Unavailable unavailable) {
            return new TimelineLookup.Unavailable(unavailable.reason());
        }
        List<TimelinePgVersion> timelines = new ArrayList<>();
        for (int index : pageservers.stream().sorted().toList()) {
            String name = ResourceNames.pod(cluster, Component.PAGESERVER, index);
            try {
                PageserverClient client = client(cluster, index, token);
                for (TenantInfo tenant : client.listTenants()) {
                    for (TimelineInfo timeline : client.listTimelines(tenant.id(), TimelineSizes.INCREMENTAL_ONLY)) {
                        if (timeline.pgVersion().isEmpty()) {
                            return new TimelineLookup.Unavailable("pageserver " + name + " does not say which Postgres"
                                    + " major tenant " + timeline.tenantId() + " timeline " + timeline.timelineId() + " uses");
                        }
                        timelines.add(new TimelinePgVersion(timeline.tenantId().toString(),
                                timeline.timelineId().toString(), timeline.pgVersion().get()));
                    }
                }
            } catch (NeonApiException e) {
                return new TimelineLookup.Unavailable("pageserver " + name + ": " + e.getMessage());
            }
        }
        return new TimelineLookup.Answered(timelines);
    }

    /** The management API of pageserver {@code index}, at the address its peers know it by. */
    public static URI uri(ClusterSpec cluster, int index, String clusterDomain) {
        KubernetesEnvironment env = new KubernetesEnvironment(cluster, clusterDomain);
        return URI.create("http://" + env.advertisedHost(Component.PAGESERVER, index) + ":"
                + env.port(Component.PAGESERVER, index, NodePort.PAGESERVER_HTTP));
    }

    /** A client of pageserver {@code index}, presenting {@code token} when it is a bearer token. */
    public PageserverClient client(ClusterSpec cluster, int index, PageserverApiToken token) {
        return connector.connect(token.presentedOn(ApiClientSettings.of(uri(cluster, index, clusterDomain))
                .withTimeouts(CONNECT_TIMEOUT, REQUEST_TIMEOUT)));
    }
}

package io.neonops.operator.safekeeper;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.NodePort;
import io.neonops.operator.pageserver.PageserverApiToken;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.upgrade.ObservedPod;
import io.neonops.operator.upgrade.PodRef;
import io.neonops.operator.upgrade.SafekeeperCatchUp.Answer;
import io.neonops.operator.upgrade.SafekeeperCatchUp.Observation;
import io.neonops.safekeeper.api.SafekeeperClient;
import io.neonops.safekeeper.api.WalPositionSource;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.NeonApiException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Asks a cluster's safekeepers how far they hold each timeline's WAL, at the address their peers know them by
 * (per-pod DNS name under the headless Service, HTTP port): the I/O edge of the safekeeper restart rule. Asked only
 * when a safekeeper is next in a roll, once per reconcile: the candidate first (its commit positions are the bar),
 * then the other serving safekeepers; the others are not asked, since the rule does not count them anyway.
 *
 * @param connector     opens the client of one safekeeper
 * @param clusterDomain the Kubernetes cluster's DNS domain
 */
public record SafekeeperWalPositions(SafekeeperConnector connector, String clusterDomain) {

    /** Short, because a reconcile waits for the answers; a safekeeper that is up answers these at once. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public SafekeeperWalPositions {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(clusterDomain, "clusterDomain");
    }

    /**
     * @param candidate the safekeeper to be restarted
     * @param members   every safekeeper pod of the cluster
     * @param source    the API the cluster's release speaks
     * @param token     what to present when the source needs a token
     */
    public Observation observe(ClusterSpec cluster, PodRef candidate, List<ObservedPod> members,
                               WalPositionSource source, PageserverApiToken token) {
        KubernetesEnvironment env = new KubernetesEnvironment(cluster, clusterDomain);
        List<Answer> answers = new ArrayList<>();
        answers.add(ask(env, candidate, source, token));
        members.stream()
                .filter(p -> !p.pod().equals(candidate) && p.serving())
                .forEach(p -> answers.add(ask(env, p.pod(), source, token)));
        return Observation.of(answers);
    }

    private Answer ask(KubernetesEnvironment env, PodRef pod, WalPositionSource source, PageserverApiToken token) {
        if (source.needsToken() && token instanceof PageserverApiToken.Unavailable unavailable) {
            return new Answer.Unanswered(pod, "no token for its API: " + unavailable.reason());
        }
        ApiClientSettings settings = ApiClientSettings.of(uri(env, pod.index())).withTimeouts(CONNECT_TIMEOUT, REQUEST_TIMEOUT);
        if (source.needsToken() && token instanceof PageserverApiToken.Bearer bearer) {
            settings = settings.withBearerToken(bearer.token());
        }
        try {
            return Answer.Timelines.of(pod, source.read(connector.connect(settings)));
        } catch (NeonApiException e) {
            return new Answer.Unanswered(pod, e.getMessage());
        }
    }

    /** The management API of safekeeper {@code index}, at the address its peers know it by. */
    public static URI uri(KubernetesEnvironment env, int index) {
        return URI.create("http://" + env.advertisedHost(Component.SAFEKEEPER, index) + ":"
                + env.port(Component.SAFEKEEPER, index, NodePort.SAFEKEEPER_HTTP));
    }

    /** A client of safekeeper {@code index}, presenting {@code token} when it is a bearer token. */
    public SafekeeperClient client(ClusterSpec cluster, int index, PageserverApiToken token) {
        return connector.connect(token.presentedOn(ApiClientSettings.of(uri(new KubernetesEnvironment(cluster,
                clusterDomain), index)).withTimeouts(CONNECT_TIMEOUT, REQUEST_TIMEOUT)));
    }
}

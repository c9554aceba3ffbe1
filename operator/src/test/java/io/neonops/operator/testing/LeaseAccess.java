package io.neonops.operator.testing;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.operator.rbac.RequiredPermissions;
import java.net.HttpURLConnection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The mock API server has no RBAC; before the SDK campaigns for a Lease it reviews its own rules, so the mock
 * answers that review as an API server would where the chart's leader-election Role is bound.
 */
public final class LeaseAccess {

    public static final String REVIEWS_PATH = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";

    private LeaseAccess() {
    }

    public static void grant(KubernetesMockServer server) {
        List<ResourceRule> rules = RequiredPermissions.LEASE.stream()
                .map(p -> new ResourceRuleBuilder().withApiGroups(p.group()).withResources(p.resource())
                        .withVerbs(p.verb()).build())
                .toList();
        SelfSubjectRulesReview review = new SelfSubjectRulesReviewBuilder()
                .withNewStatus().withIncomplete(false).withResourceRules(rules).endStatus()
                .build();
        server.expect().post().withPath(REVIEWS_PATH).andReturn(201, review).always();
    }

    /**
     * What another replica's elector does once the Lease has expired in its eyes: it writes itself in as the
     * holder.
     *
     * @return false when the write raced with the holder's renewal, so that callers poll until it sticks
     */
    public static boolean takeOver(KubernetesClient client, String namespace, String name, String newHolder) {
        try {
            client.leases().inNamespace(namespace).withName(name).edit(lease -> {
                lease.getSpec().setHolderIdentity(newHolder);
                lease.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC));
                return lease;
            });
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    /** The Lease's holder as the API server has it; empty when nobody holds it. */
    public static String holder(KubernetesClient client, String namespace, String name) {
        Lease lease = client.leases().inNamespace(namespace).withName(name).get();
        return lease == null || lease.getSpec().getHolderIdentity() == null ? "" : lease.getSpec().getHolderIdentity();
    }
}

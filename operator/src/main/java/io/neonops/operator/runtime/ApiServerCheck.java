package io.neonops.operator.runtime;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.neonops.operator.cluster.NeonCluster;
import java.net.HttpURLConnection;
import java.util.Optional;

/**
 * Fails fast, in one line, when the operator could not work: no API server, one older than
 * {@link KubernetesVersion#MINIMUM}, or no NeonCluster CRD.
 */
public final class ApiServerCheck {

    private static final int CHECK_TIMEOUT_MILLIS = 5_000;

    private ApiServerCheck() {
    }

    /**
     * @throws OperatorStartException naming the server and what to do
     */
    public static void verify(Config config) throws OperatorStartException {
        // a single attempt with a short timeout: the client's own retries would hide the failure for minutes
        Config once = new ConfigBuilder(config)
                .withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(CHECK_TIMEOUT_MILLIS)
                .withRequestTimeout(CHECK_TIMEOUT_MILLIS)
                .build();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(once).build()) {
            VersionInfo version;
            try {
                version = client.getKubernetesVersion();
            } catch (KubernetesClientException e) {
                throw new OperatorStartException("cannot reach the Kubernetes API server at " + config.getMasterUrl()
                        + ": " + RootCause.message(e) + " (check the current kubeconfig context, KUBECONFIG or --kubeconfig)");
            }
            // a server that reports no version it can be judged by is given the benefit of the doubt
            Optional<KubernetesVersion> release = KubernetesVersion.of(version);
            if (release.isPresent() && release.get().compareTo(KubernetesVersion.MINIMUM) < 0) {
                throw new OperatorStartException("the Kubernetes API server at " + config.getMasterUrl() + " runs "
                        + Optional.ofNullable(version.getGitVersion()).orElse(release.get().toString())
                        + "; neon-operator needs Kubernetes " + KubernetesVersion.MINIMUM + " or later");
            }
            CustomResourceDefinition crd;
            try {
                crd = client.apiextensions().v1().customResourceDefinitions().withName(NeonCluster.CRD_NAME).get();
            } catch (KubernetesClientException e) {
                if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
                    // allowed to run but not to read CRDs: the informers will tell if it is missing
                    return;
                }
                throw new OperatorStartException("cannot read CustomResourceDefinition " + NeonCluster.CRD_NAME
                        + " from " + config.getMasterUrl() + ": " + RootCause.message(e));
            }
            if (crd == null) {
                throw new OperatorStartException("the NeonCluster CRD (" + NeonCluster.CRD_NAME + ") is not installed at "
                        + config.getMasterUrl() + "; install it with: kubectl apply -f crds/" + NeonCluster.CRD_NAME
                        + "-v1.yml");
            }
        }
    }
}

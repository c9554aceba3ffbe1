package io.neonops.operator.runtime;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.neonops.operator.cluster.NeonCluster;
import java.net.HttpURLConnection;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/** Fails fast, in one line, when the operator could not work: no API server, or no NeonCluster CRD. */
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
            try {
                client.getKubernetesVersion();
            } catch (KubernetesClientException e) {
                throw new OperatorStartException("cannot reach the Kubernetes API server at " + config.getMasterUrl()
                        + ": " + rootCause(e) + " (check the current kubeconfig context, KUBECONFIG or --kubeconfig)");
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
                        + " from " + config.getMasterUrl() + ": " + rootCause(e));
            }
            if (crd == null) {
                throw new OperatorStartException("the NeonCluster CRD (" + NeonCluster.CRD_NAME + ") is not installed at "
                        + config.getMasterUrl() + "; install it with: kubectl apply -f crds/" + NeonCluster.CRD_NAME
                        + "-v1.yml");
            }
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
            return "unknown host";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}

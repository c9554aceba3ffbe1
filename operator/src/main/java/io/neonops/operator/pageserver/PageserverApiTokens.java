package io.neonops.operator.pageserver;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.neonops.controlplane.cluster.AuthSpec;
import io.neonops.controlplane.cluster.ClusterSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the token a cluster's pageservers require from the Secret {@code spec.auth.apiTokenSecret} names, in the
 * cluster's namespace (key {@value AuthSpec#API_TOKEN_KEY}), and the storage controller's admin token the same way. Read when a question for the pageservers comes up,
 * not cached, so that a rotated token is used at once.
 */
public record PageserverApiTokens(KubernetesClient client) {

    /** What an HTTP header value may hold; a JWT is a single line of printable ASCII. */
    private static final Pattern HEADER_SAFE = Pattern.compile("[\\x21-\\x7e]+");

    public PageserverApiTokens {
        Objects.requireNonNull(client, "client");
    }

    public PageserverApiToken forCluster(ClusterSpec cluster) {
        return read(cluster, "spec.auth.apiTokenSecret", cluster.auth().apiTokenSecret(), AuthSpec.API_TOKEN_KEY,
                "the pageservers' API");
    }

    /**
     * The admin token the operator presents to the storage controller, to register safekeepers: key
     * {@value AuthSpec#STORAGE_CONTROLLER_ADMIN_TOKEN_KEY} of the Secret {@code spec.auth.storageControllerSecret}
     * names, beside the tokens the storage controller itself presents.
     */
    public PageserverApiToken forStorageController(ClusterSpec cluster) {
        return read(cluster, "spec.auth.storageControllerSecret", cluster.auth().storageControllerSecret(),
                AuthSpec.STORAGE_CONTROLLER_ADMIN_TOKEN_KEY, "the storage controller's API");
    }

    /**
     * The token (scope {@code safekeeperdata}) the operator presents to the safekeepers of a modern cluster to read
     * their timelines' WAL positions: the one the storage controller presents to them, key
     * {@code SAFEKEEPER_JWT_TOKEN} of the Secret {@code spec.auth.storageControllerSecret} names.
     */
    public PageserverApiToken forSafekeepers(ClusterSpec cluster) {
        return read(cluster, "spec.auth.storageControllerSecret", cluster.auth().storageControllerSecret(),
                AuthSpec.SAFEKEEPER_TOKEN_KEY, "the safekeepers' API");
    }

    private PageserverApiToken read(ClusterSpec cluster, String field, Optional<String> secretName, String key,
                                    String api) {
        if (!cluster.auth().enabled()) {
            return new PageserverApiToken.NotNeeded();
        }
        if (secretName.isEmpty()) {
            return new PageserverApiToken.Unavailable("spec.auth is enabled and " + field + " is not set,"
                    + " so the operator holds no token for " + api);
        }
        return read(cluster, field, secretName.get(), key);
    }

    private PageserverApiToken read(ClusterSpec cluster, String field, String secretName, String key) {
        String secretRef = field + ": Secret " + cluster.namespace() + "/" + secretName;
        Secret secret;
        try {
            secret = client.secrets().inNamespace(cluster.namespace()).withName(secretName).get();
        } catch (KubernetesClientException e) {
            return new PageserverApiToken.Unavailable(secretRef + " cannot be read: " + reason(e));
        }
        if (secret == null) {
            return new PageserverApiToken.Unavailable(secretRef + " does not exist");
        }
        String encoded = secret.getData() == null ? null : secret.getData().get(key);
        if (encoded == null) {
            return new PageserverApiToken.Unavailable(secretRef + " has no key " + key);
        }
        String token;
        try {
            // a token written with `kubectl create secret --from-file` usually ends with a newline
            token = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            return new PageserverApiToken.Unavailable(secretRef + " key " + key + " is not base64");
        }
        if (!HEADER_SAFE.matcher(token).matches()) {
            return new PageserverApiToken.Unavailable(secretRef + " key " + key
                    + (token.isEmpty() ? " is empty" : " is not a single-line token"));
        }
        return new PageserverApiToken.Bearer(token);
    }

    private static String reason(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
    }
}

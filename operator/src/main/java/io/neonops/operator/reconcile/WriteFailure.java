package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.neonops.operator.status.Refusal;
import java.util.Objects;

/**
 * A write the API server refused, e.g. 403 for a ResourceQuota or PodSecurity admission, 422 for a volume that
 * cannot grow.
 *
 * @param kind    the object's kind, a bounded label for the metric
 * @param message one line naming the write, the object, the HTTP code and the server's own words
 */
public record WriteFailure(String kind, String message) {

    public WriteFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** @param verb what was tried, e.g. {@code creating} */
    static WriteFailure of(String verb, HasMetadata object, KubernetesClientException e) {
        String server = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : e.getMessage();
        return new WriteFailure(object.getKind(), verb + " " + ChangeApplier.describe(object) + " failed (HTTP "
                + e.getCode() + "): " + server);
    }

    /** The failure as the status and the Event show it. */
    public Refusal problem() {
        return new Refusal(Refusal.WRITE_FAILED, message + "; retrying");
    }
}

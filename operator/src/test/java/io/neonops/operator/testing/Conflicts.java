package io.neonops.operator.testing;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A test's own write of an object the operator writes too (its status, an annotation) can race the operator's write
 * and be answered 409 Conflict, as a user's {@code kubectl edit} can: it is then made again on the new version.
 */
public final class Conflicts {

    private Conflicts() {
    }

    /** What {@code write} returned once the API server took it without a conflict. */
    public static <T> T retried(Supplier<T> write) {
        return Poll.value("a write without a conflict", () -> {
            try {
                return Optional.of(write.get());
            } catch (KubernetesClientException e) {
                if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }
}

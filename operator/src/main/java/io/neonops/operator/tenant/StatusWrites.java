package io.neonops.operator.tenant;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.net.HttpURLConnection;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Writes a NeonTenant's or NeonTimeline's status when, and only when, it differs from the one stored, through the
 * status subresource, and puts the result in the SDK's cache at once (as the NeonCluster reconciler does), so that
 * the next pass compares with what was written.
 */
public final class StatusWrites {

    private StatusWrites() {
    }

    /**
     * A resource deleted meanwhile (404) has nothing left to report on: that is no failure.
     *
     * @param blank a new, empty resource of the kind: the server-side apply intent carries only name and status
     * @return whether anything was written
     */
    public static <S, R extends CustomResource<?, S>> boolean writeIfChanged(R resource, S status, Context<R> context,
                                                                            boolean serverSideApply, Supplier<R> blank) {
        if (Objects.equals(status, resource.getStatus())) {
            return false;
        }
        try {
            if (serverSideApply) {
                R intent = blank.get();
                intent.setMetadata(new ObjectMetaBuilder().withName(resource.getMetadata().getName())
                        .withNamespace(resource.getMetadata().getNamespace()).build());
                intent.setStatus(status);
                PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(resource, intent, context);
            } else {
                // a JSON patch from the status this pass saw, guarded by the resourceVersion
                PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(resource, context, r -> {
                    r.setStatus(status);
                    return r;
                });
            }
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
            return false;
        }
    }
}

package io.neonops.operator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.neonops.operator.resources.ApiForm;
import io.neonops.operator.resources.DataVolumeClaims;
import io.neonops.operator.resources.Owner;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What differs between a desired object and the existing one, on the fields the operator owns only: labels and
 * annotations it sets, its owner reference, and the object's spec or data. Pods are never updated in place (a
 * changed pod is restarted, which is the upgrade's business), a volume only grows, and a generated Secret's data
 * is never compared (it was generated once, and the database it opens was initialised with it).
 */
public final class Drift {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final List<String> NOT_CONTENT = List.of("apiVersion", "kind", "metadata", "status");

    private Drift() {
    }

    /** The names of the parts that differ, e.g. {@code [labels, spec]}; empty when nothing does. */
    public static List<String> between(HasMetadata desired, HasMetadata observed, Owner owner) {
        List<String> parts = new ArrayList<>();
        if (desired instanceof Pod) {
            return parts;
        }
        if (!JsonSubset.contains(tree(observed.getMetadata().getLabels()), tree(desired.getMetadata().getLabels()))) {
            parts.add("labels");
        }
        if (!JsonSubset.contains(tree(observed.getMetadata().getAnnotations()),
                tree(desired.getMetadata().getAnnotations()))) {
            parts.add("annotations");
        }
        if (isOwnedBy(desired, owner) != isOwnedBy(observed, owner)) {
            parts.add("owner");
        }
        if (desired instanceof Secret) {
            return parts;
        }
        if (desired instanceof PersistentVolumeClaim claim) {
            if (requestedBytes(claim).compareTo(requestedBytes((PersistentVolumeClaim) observed)) > 0) {
                parts.add("size");
            }
        } else if (!JsonSubset.contains(content(observed), content(desired))) {
            parts.add(desired instanceof ConfigMap ? "data" : "spec");
        }
        return parts;
    }

    public static boolean isOwnedBy(HasMetadata object, Owner owner) {
        List<OwnerReference> references = object.getMetadata().getOwnerReferences();
        return references != null && references.stream().anyMatch(owner::isReferencedBy);
    }

    /** The storage a claim asks for, in bytes; zero when it asks for none. */
    public static BigDecimal requestedBytes(PersistentVolumeClaim claim) {
        return Optional.ofNullable(claim.getSpec())
                .map(s -> s.getResources())
                .map(r -> r.getRequests())
                .map(requests -> requests.get(DataVolumeClaims.STORAGE))
                .map(Quantity::getAmountInBytes)
                .orElse(BigDecimal.ZERO);
    }

    /** The object's own fields in the server's form, so that dropped zero values and respelled quantities match. */
    private static JsonNode content(HasMetadata object) {
        ObjectNode node = ApiForm.canonical(object);
        NOT_CONTENT.forEach(node::remove);
        return node;
    }

    private static JsonNode tree(Map<String, String> map) {
        return map == null ? null : JSON.convertValue(map, JsonNode.class);
    }
}

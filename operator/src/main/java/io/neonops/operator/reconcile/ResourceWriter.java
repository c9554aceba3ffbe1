package io.neonops.operator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.neonops.operator.resources.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** How the operator writes objects: server-side apply on real clusters, create and merge patch where there is none. */
public sealed interface ResourceWriter {

    /** The field manager that owns what the operator writes. */
    String FIELD_MANAGER = "neon-operator";

    HasMetadata create(HasMetadata desired);

    HasMetadata update(HasMetadata desired, HasMetadata observed, Owner owner);

    static ResourceWriter of(KubernetesClient client, boolean serverSideApply) {
        return serverSideApply ? new ServerSideApply(client) : new CreateAndMergePatch(client);
    }

    /** The API server merges the desired fields with what others own, and remembers that the operator owns them. */
    record ServerSideApply(KubernetesClient client) implements ResourceWriter {

        public ServerSideApply {
            Objects.requireNonNull(client, "client");
        }

        @Override
        public HasMetadata create(HasMetadata desired) {
            return apply(desired);
        }

        @Override
        public HasMetadata update(HasMetadata desired, HasMetadata observed, Owner owner) {
            return apply(desired);
        }

        private HasMetadata apply(HasMetadata desired) {
            return client.resource(desired).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        }
    }

    /**
     * A plain create, and a JSON merge patch of the desired object: maps (labels) merge, so what others set
     * stays; lists are replaced, so the owner references are rebuilt from the others' and the desired ones.
     */
    record CreateAndMergePatch(KubernetesClient client) implements ResourceWriter {

        private static final KubernetesSerialization JSON = new KubernetesSerialization();

        public CreateAndMergePatch {
            Objects.requireNonNull(client, "client");
        }

        @Override
        public HasMetadata create(HasMetadata desired) {
            return client.resource(desired).create();
        }

        @Override
        public HasMetadata update(HasMetadata desired, HasMetadata observed, Owner owner) {
            List<OwnerReference> references = new ArrayList<>();
            if (observed.getMetadata().getOwnerReferences() != null) {
                observed.getMetadata().getOwnerReferences().stream()
                        .filter(r -> !owner.isReferencedBy(r))
                        .forEach(references::add);
            }
            if (desired.getMetadata().getOwnerReferences() != null) {
                references.addAll(desired.getMetadata().getOwnerReferences());
            }
            ObjectNode patch = JSON.convertValue(desired, ObjectNode.class);
            ObjectNode metadata = (ObjectNode) patch.get("metadata");
            if (references.isEmpty()) {
                metadata.putNull("ownerReferences");
            } else {
                metadata.set("ownerReferences", JSON.convertValue(references, JsonNode.class));
            }
            return client.resource(observed).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
        }
    }
}

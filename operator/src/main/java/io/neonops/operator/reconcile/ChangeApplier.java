package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.reconcile.ClusterEvents.Type;
import io.neonops.operator.resources.Owner;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the planned changes, one Event each, and hands every written object to its informer's cache so
 * that the next reconcile sees it even before the watch delivers it. A write the API server refuses (a quota, an
 * admission check, an immutable field) is reported and the others go on: only a pod whose volume could not be
 * created waits, since it would never start.
 */
final class ChangeApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);

    private final ResourceWriter writer;
    private final ClusterEvents events;
    private final Context<NeonCluster> context;

    ChangeApplier(ResourceWriter writer, ClusterEvents events, Context<NeonCluster> context) {
        this.writer = writer;
        this.events = events;
        this.context = context;
    }

    /**
     * What a pass wrote.
     *
     * @param written  the objects as written, in the order of the changes
     * @param failures the writes the API server refused
     */
    record Applied(List<HasMetadata> written, List<WriteFailure> failures) {

        Applied {
            written = List.copyOf(written);
            failures = List.copyOf(failures);
        }
    }

    Applied apply(NeonCluster cluster, List<Change> changes) {
        Owner owner = Owner.of(cluster);
        List<HasMetadata> written = new ArrayList<>();
        List<WriteFailure> failures = new ArrayList<>();
        Set<String> uncreated = new HashSet<>();
        for (Change change : changes) {
            if (change.desired() instanceof Pod pod && ChangePlanner.dataClaims(pod).stream().anyMatch(uncreated::contains)) {
                continue;
            }
            try {
                if (change instanceof Change.Create create) {
                    create(cluster, create).ifPresent(written::add);
                } else if (change instanceof Change.Update update) {
                    written.add(update(cluster, update, owner));
                }
            } catch (KubernetesClientException e) {
                WriteFailure failure = WriteFailure.of(change instanceof Change.Create ? "creating" : "updating",
                        change.desired(), e);
                LOG.debug("{}", failure.message(), e);
                failures.add(failure);
                if (change instanceof Change.Create) {
                    uncreated.add(change.desired().getMetadata().getName());
                }
            }
        }
        return new Applied(written, failures);
    }

    private HasMetadata update(NeonCluster cluster, Change.Update update, Owner owner) {
        HasMetadata updated = writer.update(update.desired(), update.observed(), owner);
        cacheOf(updated).handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, update.observed());
        events.record(cluster, Type.Normal, "Updated", "Update",
                "updated " + describe(updated) + " (" + String.join(", ", update.parts()) + ")", updated);
        return updated;
    }

    private Optional<HasMetadata> create(NeonCluster cluster, Change.Create create) {
        HasMetadata created;
        try {
            created = writer.create(create.desired());
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                // created by an earlier pass whose watch event has not arrived yet: the informer will bring it
                LOG.debug("{} exists already", describe(create.desired()));
                return Optional.empty();
            }
            throw e;
        }
        cacheOf(created).handleRecentResourceCreate(ResourceID.fromResource(created), created);
        if (create.replacesLostPod()) {
            events.record(cluster, Type.Normal, "PodRecreated", "Create",
                    "recreated " + describe(created) + " on its existing volume", created);
        } else {
            events.record(cluster, Type.Normal, "Created", "Create", "created " + describe(created), created);
        }
        return Optional.of(created);
    }

    @SuppressWarnings("unchecked")
    private <R extends HasMetadata> InformerEventSource<R, NeonCluster> cacheOf(R object) {
        EventSource<R, NeonCluster> source =
                context.eventSourceRetriever().getEventSourceFor((Class<R>) object.getClass());
        return (InformerEventSource<R, NeonCluster>) source;
    }

    static String describe(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getName();
    }
}

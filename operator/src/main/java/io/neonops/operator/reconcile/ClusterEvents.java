package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Records each decision of a reconciler as a Kubernetes Event on its resource (events.k8s.io/v1), which
 * {@code kubectl describe} shows (its note cut to what the API server takes), and as one log line
 * naming the cluster (in full). An Event that cannot be written is logged, never fatal.
 *
 * @param client            the client
 * @param reportingInstance which operator process decided, e.g. its pod name
 * @param clock             time of the events
 */
public record ClusterEvents(KubernetesClient client, String reportingInstance, Clock clock) {

    public static final String REPORTING_CONTROLLER = "neonops.io/neon-operator";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEvents.class);
    private static final DateTimeFormatter MICRO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Normal or Warning, as Kubernetes spells them. */
    public enum Type {
        Normal,
        Warning
    }

    public ClusterEvents {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(reportingInstance, "reportingInstance");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param cluster the resource the decision is about: a NeonCluster, or a NeonTenant or NeonTimeline
     * @param related the object the decision was about, if it is not the cluster itself
     */
    public void record(HasMetadata cluster, Type type, String reason, String action, String note, HasMetadata related) {
        String namespace = cluster.getMetadata().getNamespace();
        String name = cluster.getMetadata().getName();
        // the key-value pairs are fields of their own in JSON logs; the message reads well as text
        LOG.atLevel(type == Type.Warning ? Level.WARN : Level.INFO)
                .addKeyValue("namespace", namespace)
                .addKeyValue("cluster", name)
                .addKeyValue("reason", reason)
                .log("{}/{}: {} ({})", namespace, name, note, reason);
        Event event = new EventBuilder()
                .withNewMetadata()
                .withName(name + "." + UUID.randomUUID().toString().replace("-", "").substring(0, 16))
                .withNamespace(namespace)
                .endMetadata()
                .withEventTime(new MicroTime(MICRO_TIME.format(clock.instant().truncatedTo(ChronoUnit.MICROS))))
                .withType(type.name())
                .withReason(reason)
                .withAction(action)
                .withNote(EventNotes.fit(note))
                .withRegarding(reference(cluster))
                .withRelated(related == null ? null : reference(related))
                .withReportingController(REPORTING_CONTROLLER)
                .withReportingInstance(reportingInstance)
                .build();
        try {
            client.resource(event).create();
        } catch (KubernetesClientException e) {
            LOG.warn("could not record event {} for {}/{}: {}", reason, namespace, name, e.getMessage());
        }
    }

    private static ObjectReference reference(HasMetadata object) {
        return new ObjectReferenceBuilder()
                .withApiVersion(object.getApiVersion())
                .withKind(object.getKind())
                .withName(object.getMetadata().getName())
                .withNamespace(object.getMetadata().getNamespace())
                .withUid(object.getMetadata().getUid())
                .build();
    }
}

package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.StorageControllerDbNodeSpec;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.resources.ComponentSettings;
import io.neonops.operator.resources.DataVolumeClaims;
import io.neonops.operator.resources.ResourceLabels;
import io.neonops.operator.status.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Changes the API server accepts but the operator must not carry out, because they would lose a quorum
 * member or data: fewer nodes than exist (that needs a membership change; only a modern cluster's pageservers are
 * removed, through the storage controller, by {@link PageserverRemoval}), and volumes that would shrink or change
 * class. Such a spec is refused as a whole, before anything is written.
 */
public final class SafetyCheck {

    private SafetyCheck() {
    }

    public static Optional<Refusal> check(ClusterResources desired, ObservedCluster observed) {
        List<Refusal> refusals = new ArrayList<>();
        // every kind, also one the spec no longer runs, whose pods would be left behind
        for (Component component : Component.values()) {
            scaleDown(desired, observed, component).ifPresent(refusals::add);
        }
        desired.secrets().forEach(secret -> lostSecret(desired, observed, secret).ifPresent(refusals::add));
        for (PersistentVolumeClaim want : desired.volumeClaims()) {
            observed.find(PersistentVolumeClaim.class, want.getMetadata().getName())
                    .flatMap(existing -> volumeChange(want, existing))
                    .ifPresent(refusals::add);
        }
        if (refusals.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(refusals.get(0).reason(),
                refusals.stream().map(Refusal::message).collect(Collectors.joining("; "))));
    }

    private static Optional<Refusal> scaleDown(ClusterResources desired, ObservedCluster observed, Component component) {
        if (PageserverRemoval.removesThroughStorageController(desired.cluster(), component)) {
            return Optional.empty();
        }
        Set<String> wanted = new TreeSet<>();
        desired.pods(component).forEach(p -> wanted.add(p.getMetadata().getName()));
        desired.volumeClaims().stream().filter(c -> isOf(c, component)).forEach(c -> wanted.add(c.getMetadata().getName()));
        Set<String> extra = new TreeSet<>();
        List<HasMetadata> existing = new ArrayList<>(observed.all(Pod.class));
        existing.addAll(observed.all(PersistentVolumeClaim.class));
        existing.stream()
                .filter(o -> isOf(o, component) && !wanted.contains(o.getMetadata().getName()))
                .forEach(o -> extra.add(o.getMetadata().getName()));
        if (extra.isEmpty()) {
            return Optional.empty();
        }
        int replicas = desired.pods(component).size();
        return Optional.of(new Refusal(Refusal.SCALE_DOWN_REFUSED, ComponentSettings.specPath(component)
                + ".replicas: " + replicas + " is fewer than the " + component.id() + " nodes that exist ("
                + String.join(", ", extra) + "); " + component.descriptor().removalRefusedBecause()
                + ": restore the replicas, or delete those pods and volumes yourself"));
    }

    /**
     * A generated Secret is created only beside a new database volume: the database on an existing one was
     * initialised with the lost password, which a new one would not open.
     */
    private static Optional<Refusal> lostSecret(ClusterResources desired, ObservedCluster observed, Secret secret) {
        String name = secret.getMetadata().getName();
        if (observed.find(Secret.class, name).isPresent()) {
            return Optional.empty();
        }
        Component component = ResourceLabels.componentOf(secret).orElseThrow();
        return desired.volumeClaims().stream().filter(c -> isOf(c, component))
                .map(c -> c.getMetadata().getName())
                .filter(claim -> observed.find(PersistentVolumeClaim.class, claim).isPresent())
                .findFirst()
                .map(claim -> new Refusal(Refusal.DATABASE_SECRET_LOST, "Secret " + name + " is gone, but volume "
                        + claim + " holds a database initialised with the password it held: restore the Secret (keys "
                        + StorageControllerDbNodeSpec.PASSWORD_KEY + " and " + StorageControllerDbNodeSpec.DATABASE_URL_KEY
                        + "), or delete the volume to start an empty database with a new password"));
    }

    private static Optional<Refusal> volumeChange(PersistentVolumeClaim want, PersistentVolumeClaim existing) {
        Component component = ResourceLabels.componentOf(want).orElseThrow();
        String storagePath = ComponentSettings.specPath(component) + ".storage";
        String name = existing.getMetadata().getName();
        if (Drift.requestedBytes(want).compareTo(Drift.requestedBytes(existing)) < 0) {
            return Optional.of(new Refusal(Refusal.UNSAFE_VOLUME_CHANGE, storagePath + ".size: "
                    + requested(want) + " is smaller than the existing volume " + name + " (" + requested(existing)
                    + "); volumes cannot shrink"));
        }
        String wantedClass = want.getSpec().getStorageClassName();
        String existingClass = existing.getSpec().getStorageClassName();
        if (wantedClass != null && existingClass != null && !Objects.equals(wantedClass, existingClass)) {
            return Optional.of(new Refusal(Refusal.UNSAFE_VOLUME_CHANGE, storagePath + ".storageClassName: \""
                    + wantedClass + "\" differs from the class of the existing volume " + name + " (\"" + existingClass
                    + "\"); the class of a volume cannot change"));
        }
        return Optional.empty();
    }

    private static boolean isOf(HasMetadata object, Component component) {
        return ResourceLabels.componentOf(object).filter(component::equals).isPresent();
    }

    private static String requested(PersistentVolumeClaim claim) {
        return claim.getSpec().getResources().getRequests().get(DataVolumeClaims.STORAGE)
                .toString();
    }
}

package io.neonops.operator.upgrade;

import java.time.Instant;
import java.util.Objects;

/**
 * One pod the cluster's spec wants, as the reconciler observed it, reduced to what a rolling upgrade
 * decides on. The reconciler passes one for every pod of every component, missing ones included.
 *
 * @param pod             which pod
 * @param exists          whether the pod object exists
 * @param ready           its Ready condition; false when it does not exist
 * @param deleting        its deletion is in progress (deletionTimestamp set); false when it does not exist
 * @param createdAt       its creation time, from which the ready timeout counts; null exactly when it does not exist
 * @param currentSpecHash its spec-hash annotation; null when it does not exist or carries none
 * @param currentSpec     the spec it was built from ({@link SpecSummaryAnnotations}); null when unknown
 * @param desiredSpecHash the spec hash of the pod that the current cluster spec builds
 */
public record ObservedPod(
        PodRef pod,
        boolean exists,
        boolean ready,
        boolean deleting,
        Instant createdAt,
        String currentSpecHash,
        SpecSummary currentSpec,
        String desiredSpecHash) {

    public ObservedPod {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(desiredSpecHash, "desiredSpecHash");
        if (exists != (createdAt != null)) {
            throw new IllegalArgumentException("pod " + pod.name() + ": createdAt must be set exactly when the pod exists");
        }
        if (!exists && (ready || deleting || currentSpecHash != null || currentSpec != null)) {
            throw new IllegalArgumentException("pod " + pod.name() + " does not exist, so it has no readiness, deletion or spec");
        }
    }

    /** A pod the core has yet to create. */
    public static ObservedPod missing(PodRef pod, String desiredSpecHash) {
        return new ObservedPod(pod, false, false, false, null, null, null, desiredSpecHash);
    }

    /** It exists and carries the desired spec hash. */
    public boolean updated() {
        return exists && desiredSpecHash.equals(currentSpecHash);
    }

    /** It exists on another spec (or on none it can tell): it needs a restart. */
    public boolean outdated() {
        return exists && !updated();
    }

    /** It counts towards its component's quorum: there, Ready and not going away. */
    public boolean serving() {
        return exists && ready && !deleting;
    }

    /** On its way to the desired spec and not there yet: being deleted, not yet created, or not yet Ready. */
    public boolean inFlight() {
        return !exists || deleting || (updated() && !ready);
    }
}

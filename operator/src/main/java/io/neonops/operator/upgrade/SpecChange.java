package io.neonops.operator.upgrade;

import java.util.ArrayList;
import java.util.List;

/** Says in words what changed for a pod that needs a restart: the text of its restart Event. */
final class SpecChange {

    private SpecChange() {
    }

    static String describe(ObservedPod pod, SpecSummary target) {
        List<String> changes = new ArrayList<>();
        SpecSummary running = pod.currentSpec();
        if (running != null && !running.image().equals(target.image())) {
            changes.add("image " + running.image() + " -> " + target.image());
        }
        if (running != null && !running.versions().equals(target.versions())) {
            changes.add("Postgres versions " + running.versionList() + " -> " + target.versionList());
        }
        if (changes.isEmpty()) {
            // neither image nor versions: configuration, resources, the etcd image or an unannotated pod
            changes.add("pod spec changed (spec hash " + pod.currentSpecHash() + " -> " + pod.desiredSpecHash() + ")");
        }
        return String.join(", ", changes);
    }
}

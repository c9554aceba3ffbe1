package io.neonops.operator.upgrade;

import io.neonops.storage.common.PgMajorVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pod annotations that record which {@link SpecSummary} a pod was built from, next to the core's
 * spec-hash annotation. They let {@code status.upgrade.from} be read from the pods still on the old spec,
 * so a half-finished roll reports correctly after an operator restart without any state in memory.
 */
public final class SpecSummaryAnnotations {

    /** The Neon image of the cluster spec the pod was built from. */
    public static final String IMAGE = "neonops.io/image";
    /** The Postgres majors of that spec, comma-separated and ascending, e.g. {@code 16,17}. */
    public static final String PG_VERSIONS = "neonops.io/pg-versions";

    private SpecSummaryAnnotations() {
    }

    /** The annotations the pod builders set on every pod. */
    public static Map<String, String> of(SpecSummary summary) {
        return Map.of(IMAGE, summary.image(), PG_VERSIONS, summary.versionList());
    }

    /**
     * The summary a pod records, or empty when it records none or a damaged one. Lenient on purpose: these
     * annotations only feed status and event text and are written by the operator itself, and a pod whose
     * annotations were edited is still rolled correctly, because the roll compares spec hashes.
     */
    public static Optional<SpecSummary> read(Map<String, String> annotations) {
        String image = annotations.get(IMAGE);
        String versions = annotations.get(PG_VERSIONS);
        if (image == null || image.isBlank() || versions == null) {
            return Optional.empty();
        }
        List<PgMajorVersion> majors = new ArrayList<>();
        for (String major : versions.split(",", -1)) {
            try {
                majors.add(PgMajorVersion.ofMajor(Integer.parseInt(major.trim())));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new SpecSummary(image, majors));
    }
}

package io.neonops.operator.upgrade;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.storage.common.PgMajorVersion;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a user recognises a cluster's software by: the Neon image and the Postgres majors it serves.
 * {@code status.upgrade.from} and {@code .to} show these; every pod records the one it was built from
 * (see {@link SpecSummaryAnnotations}). The default Postgres version is left out on purpose: it only
 * affects new timelines, so changing it is not an upgrade of anything running.
 *
 * @param image    {@code spec.image}
 * @param versions {@code spec.postgres.versions}, kept sorted and without repeats
 */
public record SpecSummary(String image, List<PgMajorVersion> versions) {

    public SpecSummary {
        Objects.requireNonNull(image, "image");
        if (image.isBlank()) {
            throw new IllegalArgumentException("image must not be empty");
        }
        versions = versions.stream().distinct().sorted().collect(Collectors.toUnmodifiableList());
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("at least one Postgres version is needed");
        }
    }

    public static SpecSummary of(ClusterSpec cluster) {
        return new SpecSummary(cluster.image(), cluster.postgres().versions());
    }

    /** The versions as in the spec and in the annotation, e.g. {@code 16,17}. */
    public String versionList() {
        return versions.stream().map(PgMajorVersion::toString).collect(Collectors.joining(","));
    }
}

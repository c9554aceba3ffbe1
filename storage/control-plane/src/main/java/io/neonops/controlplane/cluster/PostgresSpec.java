package io.neonops.controlplane.cluster;

import io.neonops.storage.common.PgMajorVersion;
import java.util.List;

/** The Postgres majors a cluster serves, and the one new timelines get. */
public record PostgresSpec(List<PgMajorVersion> versions, PgMajorVersion defaultVersion) {

    public PostgresSpec {
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("at least one Postgres version is needed");
        }
        if (!versions.contains(defaultVersion)) {
            throw new IllegalArgumentException(
                    "defaultVersion " + defaultVersion + " is not one of the versions " + versions);
        }
    }
}

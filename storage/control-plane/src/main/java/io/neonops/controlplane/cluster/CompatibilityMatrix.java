package io.neonops.controlplane.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.neonops.storage.common.PgMajorVersion;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which pieces of Neon go together, by generation (versions.md): the etcd broker exists only in images before
 * tag 2455 (December 2022), which ship Postgres 14 and 15 and know no storage controller; the storage broker's
 * releases serve 14 to 17, and since tag 7803 (April 2025) their pageservers start only with a storage controller
 * and remote storage. The CRD's CEL rules say the same (NeonClusterSpec), so the API server refuses up front what
 * this refuses.
 */
final class CompatibilityMatrix {

    /** The newest major an image with the etcd broker ships. */
    static final PgMajorVersion NEWEST_WITH_ETCD = PgMajorVersion.V15;

    private CompatibilityMatrix() {
    }

    /**
     * Only versions written in the spec are checked against the etcd broker: the implicit default (the project's
     * newest major) is what existing 2022 manifests without {@code spec.postgres.versions} always had, and it
     * decides nothing the etcd-era pageserver reads. A version list refused on its own ({@code postgres} null)
     * is not checked again.
     */
    static void check(SpecReader reader, JsonNode spec, PostgresSpec postgres, BrokerSpec broker, boolean storageController,
                      boolean remoteStorage) {
        if (broker instanceof EtcdSpec) {
            List<PgMajorVersion> unserved = postgres == null || !spec.path("postgres").has("versions") ? List.of()
                    : postgres.versions().stream().filter(v -> v.major() > NEWEST_WITH_ETCD.major()).toList();
            if (!unserved.isEmpty()) {
                reader.error("spec.postgres.versions", "Postgres " + unserved.stream().map(v -> String.valueOf(v.major()))
                        .collect(Collectors.joining(", ")) + " needs the storage broker (spec.storageBroker): no Neon"
                        + " image with the etcd broker (tags before 2455) ships it, they serve 14 and 15");
            }
            if (storageController) {
                reader.error(StorageControllerSpec.SPEC_PATH, "needs spec.storageBroker: the etcd broker's"
                        + " releases (tags before 2455) predate the storage controller");
            }
        } else {
            if (!storageController) {
                reader.error(StorageControllerSpec.SPEC_PATH, "is required with spec.storageBroker: pageservers"
                        + " of current releases (tags from 7803) do not start without a storage controller");
            }
            if (!remoteStorage) {
                reader.error("spec.remoteStorage", "is required with spec.storageBroker: pageservers of current"
                        + " releases do not start without remote storage");
            }
        }
    }
}

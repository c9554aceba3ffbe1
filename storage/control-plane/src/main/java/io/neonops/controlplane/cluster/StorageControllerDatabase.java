package io.neonops.controlplane.cluster;

import java.util.Objects;

/** Where the storage controller's Postgres database is: run by the operator, or named by the user. */
public sealed interface StorageControllerDatabase {

    String MANAGED_SPEC_PATH = StorageControllerSpec.SPEC_PATH + ".database.managed";

    /**
     * A small Postgres the operator runs from the official image, on its own volume, with a generated password.
     * Postgres 16 by default because that is the major neon_local runs it with.
     */
    record Managed(String image, StorageSpec storage, ResourcesSpec resources) implements StorageControllerDatabase {

        public static final String DEFAULT_IMAGE = "postgres:16";
        public static final String DEFAULT_STORAGE_SIZE = "1Gi";

        public Managed {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(storage, "storage");
            Objects.requireNonNull(resources, "resources");
        }
    }

    /** A database the user runs (e.g. with CloudNativePG): its connection URL is {@code key} of Secret {@code secretName}. */
    record External(String secretName, String key) implements StorageControllerDatabase {

        public static final String DEFAULT_KEY = "DATABASE_URL";

        public External {
            Objects.requireNonNull(secretName, "secretName");
            Objects.requireNonNull(key, "key");
        }
    }
}

package io.neonops.storage.common;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A Postgres major version that Neon's storage serves; the closed set 14..17. */
public enum PgMajorVersion {
    V14(14),
    V15(15),
    V16(16),
    V17(17);

    /** The one default of the whole project, for new clusters and new timelines. */
    public static final PgMajorVersion DEFAULT_PG_VERSION = V17;

    private final int major;

    PgMajorVersion(int major) {
        this.major = major;
    }

    public int major() {
        return major;
    }

    /** Directory name under {@code pg_distrib_dir}, e.g. {@code v16}. */
    public String distribDirName() {
        return "v" + major;
    }

    /**
     * The version for a major number such as 16.
     *
     * @throws IllegalArgumentException naming the supported majors when it is not one of them
     */
    public static PgMajorVersion ofMajor(int major) {
        for (PgMajorVersion v : values()) {
            if (v.major == major) {
                return v;
            }
        }
        throw new IllegalArgumentException(
                "unsupported Postgres major version " + major + ", supported: " + supportedMajors());
    }

    public static List<Integer> supportedMajors() {
        return Arrays.stream(values()).map(PgMajorVersion::major).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public String toString() {
        return Integer.toString(major);
    }
}

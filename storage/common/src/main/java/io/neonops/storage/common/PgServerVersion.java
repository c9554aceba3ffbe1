package io.neonops.storage.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A full Postgres {@code server_version_num} (e.g. 150002), as the safekeeper records it per timeline;
 * 0 means the version is not known yet.
 */
public record PgServerVersion(@JsonValue int versionNum) {

    public static final PgServerVersion UNKNOWN = new PgServerVersion(0);

    public PgServerVersion {
        if (versionNum < 0) {
            throw new IllegalArgumentException("invalid Postgres server_version_num " + versionNum + ": must not be negative");
        }
    }

    @JsonCreator
    public static PgServerVersion of(int versionNum) {
        return new PgServerVersion(versionNum);
    }

    /** The first release of a major, e.g. 150000 for 15: what a new timeline records before a compute connects. */
    public static PgServerVersion firstOf(PgMajorVersion major) {
        return new PgServerVersion(major.firstServerVersionNum());
    }

    public boolean isKnown() {
        return versionNum != 0;
    }

    /** The major number, whether or not this project supports it (e.g. 15 for 150002). */
    public int majorNumber() {
        return PgMajorVersion.majorOfServerVersionNum(versionNum);
    }

    /**
     * The supported major of this version.
     *
     * @throws IllegalArgumentException when unknown or not a supported major
     */
    public PgMajorVersion major() {
        return PgMajorVersion.ofServerVersionNum(versionNum);
    }

    @Override
    public String toString() {
        return Integer.toString(versionNum);
    }
}

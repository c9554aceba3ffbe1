package io.neonops.storage.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A Postgres major version that Neon's storage serves; the closed set 14..17. On the wire: the number. */
public enum PgMajorVersion {
    V14(14),
    V15(15),
    V16(16),
    V17(17);

    /** The one default of the whole project, for new clusters and new timelines. */
    public static final PgMajorVersion DEFAULT_PG_VERSION = V17;

    /** Environment variable that overrides {@link #DEFAULT_PG_VERSION} for test runs, e.g. {@code 15}. */
    public static final String DEFAULT_PG_VERSION_ENV = "DEFAULT_PG_VERSION";

    // server_version_num is major * 10000 + minor from Postgres 10 on, e.g. 150002 for 15.2.
    private static final int VERSION_NUM_PER_MAJOR = 10_000;
    private static final int FIRST_VERSION_NUM = 100_000;

    private final int major;

    PgMajorVersion(int major) {
        this.major = major;
    }

    @JsonValue
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

    /**
     * The major of a full {@code server_version_num} such as 150002.
     *
     * @throws IllegalArgumentException when it is not a server_version_num or its major is unsupported
     */
    public static PgMajorVersion ofServerVersionNum(int serverVersionNum) {
        if (serverVersionNum < FIRST_VERSION_NUM) {
            throw new IllegalArgumentException("invalid Postgres server_version_num " + serverVersionNum
                    + ": expected major * 10000 + minor, e.g. 150002");
        }
        return ofMajor(serverVersionNum / VERSION_NUM_PER_MAJOR);
    }

    /** Either a major (16) or a full server_version_num (160002); the JSON form is the major. */
    @JsonCreator
    public static PgMajorVersion of(int majorOrServerVersionNum) {
        return majorOrServerVersionNum >= FIRST_VERSION_NUM
                ? ofServerVersionNum(majorOrServerVersionNum)
                : ofMajor(majorOrServerVersionNum);
    }

    /**
     * Parses a major ("16") or a full server_version_num ("160002"), e.g. from a command line.
     *
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    public static PgMajorVersion parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Postgres version is missing, supported: " + supportedMajors());
        }
        int number;
        try {
            number = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid Postgres version \"" + text
                    + "\": expected a major " + supportedMajors() + " or a server_version_num such as 150002");
        }
        return of(number);
    }

    /**
     * The default version for this environment: {@value #DEFAULT_PG_VERSION_ENV} when set (so a test
     * suite can run once per version), else {@link #DEFAULT_PG_VERSION}.
     *
     * @throws IllegalArgumentException naming the variable when its value is not a supported version
     */
    public static PgMajorVersion fromEnvironment(Map<String, String> environment) {
        String value = environment.get(DEFAULT_PG_VERSION_ENV);
        if (value == null || value.isBlank()) {
            return DEFAULT_PG_VERSION;
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("environment variable " + DEFAULT_PG_VERSION_ENV + ": " + e.getMessage(), e);
        }
    }

    /** The version that version-dependent tests use: {@link #fromEnvironment} of this process. */
    public static PgMajorVersion defaultForTests() {
        return fromEnvironment(System.getenv());
    }

    /** The lowest server_version_num of this major, e.g. 150000. */
    public int firstServerVersionNum() {
        return major * VERSION_NUM_PER_MAJOR;
    }

    static int majorOfServerVersionNum(int serverVersionNum) {
        return serverVersionNum / VERSION_NUM_PER_MAJOR;
    }

    public static List<Integer> supportedMajors() {
        return Arrays.stream(values()).map(PgMajorVersion::major).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public String toString() {
        return Integer.toString(major);
    }
}

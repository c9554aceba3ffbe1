package io.neonops.safekeeper.api;

import io.neonops.storage.common.PgServerVersion;

/**
 * The safekeeper's rule for a compute that connects to a timeline: once the timeline has recorded a
 * Postgres server version, only the same major may write it (its WAL format is per major); a timeline
 * that recorded none (0) accepts any.
 */
public sealed interface ServerVersionCheck {

    record Compatible() implements ServerVersionCheck {
    }

    /** Refused: {@code incoming} has another major than the {@code expected} (recorded) version. */
    record Incompatible(PgServerVersion incoming, PgServerVersion expected) implements ServerVersionCheck {

        /** The safekeeper's own wording. */
        public String message() {
            return "incompatible server version " + incoming + ", expected " + expected;
        }
    }

    static ServerVersionCheck of(PgServerVersion recorded, PgServerVersion incoming) {
        if (recorded.isKnown() && recorded.majorNumber() != incoming.majorNumber()) {
            return new Incompatible(incoming, recorded);
        }
        return new Compatible();
    }

    default boolean isCompatible() {
        return this instanceof Compatible;
    }
}
